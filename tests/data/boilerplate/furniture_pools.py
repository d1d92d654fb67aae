"""Page furniture written for the labelled boilerplate set (our own text, no corpus text).

Two pools in deliberately different styles: ``TUNE`` is what the boilerplate rules
were checked against while they were written; ``HELDOUT`` was written at the same
time and only ever measured, never tuned on. ``{name}``, ``{place}``, ``{date}``,
``{time}``, ``{n}``, ``{site}`` and ``{author}`` are filled in by ``build.py``.
"""
from __future__ import annotations

TUNE: dict[str, list[str]] = {
    "nav_top": [
        "Skip to main content",
        "Home > News > World",
        "Menu",
        "Sections | Search | Sign In",
        "Jump to navigation",
        "World » Americas » Politics",
        "Toggle navigation",
    ],
    "byline": [
        "By {author}",
        "By {author}, Staff Writer",
        "By {author} | {site}",
        "Written by {author}",
    ],
    "dateline": [
        "Published {date}",
        "{date} {time}",
        "Updated: {date} {time} ET",
        "Posted on {date}",
        "First published: {date}",
        "Last updated {time} GMT, {date}",
    ],
    "caption": [
        "{name} arrives at the scene on {date}. ({author}/AFP via Getty Images)",
        "Police officers stand near the cordon in {place}. (AP Photo/{author})",
        "Residents gather outside a building in {place}. Photo: {author}/Reuters",
        "A general view of {place} is seen in this file photo. (Photo by {author}/Getty Images)",
        "{name} speaks to reporters in {place} (EPA/{author})",
    ],
    "caption_pair": [
        ["Onlookers watch as emergency crews work in {place}", "REUTERS/{author}"],
        ["Supporters hold banners outside the building", "AFP/Getty Images"],
        ["{name} in {place}", "Photo: {author} / AP"],
    ],
    "advert": [
        "Advertisement",
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "Continue reading the main story",
        "Sponsored content",
    ],
    "related_header": [
        "Related stories",
        "More from {site}",
        "Recommended for you",
        "Most read",
        "You may also like",
        "Related coverage:",
        "Read more:",
        "Trending now",
        "Don't miss",
    ],
    "share": [
        "Share this article",
        "Share on Facebook",
        "Facebook Twitter Email",
        "Tweet",
        "Copy link",
        "Share",
        "Email | Print",
    ],
    "social": [
        "Follow us on Twitter for the latest updates",
        "- YouTube",
        "Watch: {name} speaks to reporters",
        "Click to play video",
        "View this post on Instagram",
        "pic.twitter.com/Ab3dE9xQ",
        "Follow {site} on Facebook and Instagram",
    ],
    "subscription": [
        "Subscribe to our newsletter",
        "Sign up for our daily newsletter to get the top stories delivered to your inbox.",
        "Already a subscriber? Log in",
        "Support independent journalism: become a member today.",
        "Get breaking news alerts delivered straight to your inbox.",
        "Subscribe now for unlimited access.",
    ],
    "correction": [
        "To report an error in this story, contact our corrections team.",
        "Spotted a mistake? Let us know.",
        "Correction: An earlier version of this article misstated the day of the hearing.",
        "An earlier version of this story gave an incorrect figure.",
    ],
    "disclaimer": [
        "The views expressed in this article are the author's own and do not necessarily reflect those of {site}.",
        "Disclaimer: This content is for information only.",
        "Opinions expressed here are solely those of the writer.",
    ],
    "copyright": [
        "© 2013 {site}. All rights reserved.",
        "Copyright 2012 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
        "All rights reserved.",
    ],
    "credit": [
        "Additional reporting by {author}.",
        "Reporting by {author}; Editing by {author2}",
        "{site} contributed to this report.",
        "The Associated Press contributed to this report.",
    ],
    "comments_header": [
        "Comments",
        "{n} Comments",
        "Leave a comment",
        "Join the conversation",
    ],
    "comment": [
        "This is so sad, thoughts go out to the families.",
        "Why does nobody ever talk about the real problem here?",
        "Great reporting, thanks for covering this.",
        "I live near there and nobody told us anything.",
    ],
    "tags": [
        "Tags: {name}, {place}, news",
        "Topics: crime, local news",
        "Filed under: {place}",
    ],
}

HELDOUT: dict[str, list[str]] = {
    "nav_top": [
        "Skip to content",
        "NEWS / NATION / TOP STORIES",
        "Log in",
        "Search",
        "Main menu",
    ],
    "byline": [
        "By {author} and {author2}",
        "Story by {author}",
        "By {author}, Associated Press",
    ],
    "dateline": [
        "{date}",
        "PUBLISHED: {time}, {date}",
        "Last Modified: {date} at {time}",
        "Posted: {date} | Updated: {date}",
    ],
    "caption": [
        "Firefighters work through the night in {place} in this handout picture. (Courtesy of {author}/Handout)",
        "{name}, centre, leaves the hearing in {place}. Image: {author}/Shutterstock",
        "Traffic is diverted around {place} on {date}. (Photo: {author}, ZUMA Press)",
        "People queue outside a shop in {place}. (Xinhua/{author})",
    ],
    "caption_pair": [
        ["A handout image shows the damaged site", "Photograph: {author}/PA"],
        ["{name} pictured last year", "Image credit: {author}"],
    ],
    "advert": [
        "Article continues after this advertisement",
        "- Advertisement -",
        "Paid Content",
        "Scroll to continue with content",
    ],
    "related_header": [
        "More stories",
        "Also read",
        "Editor's picks",
        "Latest news",
        "Around the web",
        "Other stories you might like",
        "In case you missed it",
        "Top stories",
    ],
    "share": [
        "Share this story",
        "Share via email",
        "LinkedIn | WhatsApp | Reddit",
        "Save article",
        "Print this page",
    ],
    "social": [
        "Listen to this article",
        "Video: {name} in {place}",
        "Follow us on Instagram @{site_handle}",
        "A post shared by {site} (@{site_handle})",
        "0:45",
        "Play video",
    ],
    "subscription": [
        "Enter your email address",
        "Thanks for signing up! Check your inbox.",
        "Become a member and get unlimited access for $1 a week.",
        "Get our free morning briefing in your inbox every weekday.",
        "This article is reserved for subscribers.",
    ],
    "correction": [
        "Corrections & Clarifications",
        "Found an error? Submit a correction here.",
        "This article has been corrected to show the right name of the street.",
    ],
    "disclaimer": [
        "This is an opinion piece. The views of the author do not necessarily represent those of {site}.",
        "We may earn a commission from links on this page.",
    ],
    "copyright": [
        "(c) {site} 2012",
        "Terms of Use | Privacy Policy",
        "Copyright © 2013 {site} Inc.",
    ],
    "credit": [
        "Compiled by {author}",
        "With files from {site}",
        "Editing by {author}",
    ],
    "comments_header": [
        "Show comments",
        "Reader comments ({n})",
        "Comments are closed.",
    ],
    "comment": [
        "Terrible news. Hope the police sort this out soon.",
        "Nothing will change until people start voting differently.",
        "Source? This sounds made up.",
    ],
    "tags": [
        "Keywords: {place}, {name}",
        "More about: {name}",
    ],
}

AUTHORS = ["Maria Lopez", "James Whitfield", "Aiko Tanaka", "Samuel Okafor", "Lena Fischer", "Ravi Menon",
           "Claire Dubois", "Tom Hallam", "Nadia Petrova", "Owen Price"]
AUTHORS_HELDOUT = ["Greta Lind", "Marco Bellini", "Hannah Cole", "Yusuf Demir", "Ines Castro", "Peter Novak"]
SITES = ["The Daily Ledger", "Metro Wire", "Northside Post", "Coastline News", "The Herald Online"]
SITES_HELDOUT = ["Valley Courier", "Harbour Times", "Global Desk"]
