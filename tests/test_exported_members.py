"""The public API is exactly what crossread/__init__.py lists."""
import crossread


def test_exported_members_match_all() -> None:
    public = {name for name in dir(crossread) if not name.startswith("_")} - {"annotations"}
    modules = {name for name in public if type(getattr(crossread, name)).__name__ == "module"}
    assert public - modules == set(crossread.__all__) - {"__version__"}
