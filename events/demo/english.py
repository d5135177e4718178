"""The demo's English texts, beside the Korean ones in events/demo/__init__.py: the same facts,
written for English readers (partners and staff of Gwangju's AI companies from abroad)."""

SERIES_DESCRIPTION = (
    "A regular breakfast meeting where Gwangju's AI companies, universities, research institutes "
    "and public bodies share how they put AI to work and widen their network: breakfast and "
    "greetings, an invited talk, then discussion among the members."
)

VENUE = {
    "name_en": "Gwangju Science and Technology Promotion Agency",
    "room_en": "12th floor, International Conference Room",
}
VENUE_ADDRESS = "Buk-gu, Gwangju"

SPEAKERS = {
    "park-young-sun": {
        "position_en": "Minister",
        "organization_en": "Ministry of SMEs and Startups",
        "bio_en": "As Minister of SMEs and Startups, she gave the talk at the founding forum of the series.",
    },
    "lee-kyung-il": {
        "position_en": "CEO",
        "organization_en": "Saltlux Inc.",
        "bio_en": (
            "Chief executive of Saltlux, a company building AI and big-data analysis platforms that "
            "holds more Korean AI patents than any other. In 2020 Saltlux signed an agreement with the "
            "city of Gwangju and opened an AI centre there."
        ),
    },
}

FORUM_TITLES = {1: "Founding forum", 2: "AI and industrial innovation", 3: "Speaker and topic to be announced"}

FORUM_1_REPORT = (
    "On 10 June 2020 the breakfast forum of Gwangju's AI community (companies, universities, "
    "research institutes and government) met for the first time, with Minister of SMEs and Startups "
    "Park Young-sun as its speaker.\n\n"
    "The forum was started so that the people building AI in Gwangju meet regularly, share what "
    "works and find partners, as part of the city's plan to become a centre of artificial intelligence."
)

FORUM_2_REPORT = (
    "The second forum met on 5 August 2020 at 7:30 in the morning, in the International Conference "
    "Room on the 12th floor of the Gwangju Science and Technology Promotion Agency, two months after the founding "
    "forum, as a new wave of COVID-19 had delayed it.\n\n"
    "About 100 people came: Mayor Lee Yong-sup, City Council chair Kim Yong-jip, the presidents of "
    "Chonnam National University and GIST, Saltlux CEO Lee Kyung-il, and people from local AI "
    "companies and institutions.\n\n"
    "In his greeting the mayor compared AI with electricity: the industries of the 20th century "
    "could not run without power, and those of the 21st will compete through AI. He promised the "
    "city's help to the companies that chose Gwangju, and hoped to see unicorns grow there.\n\n"
    "Saltlux CEO Lee Kyung-il then spoke on «AI and industrial innovation», and the guests talked "
    "freely over breakfast afterwards.\n\n"
    "## Forums to come\n\n"
    "- From now on the forum meets on the **second Wednesday of every month**, in the morning.\n"
    "- **Next forum**: the third forum is on Wednesday 9 September at 7:30."
)

TALK_1_TITLE = "Invited talk at the founding forum"

TALK_2_TITLE = "AI and industrial innovation"

TALK_2_ABSTRACT = (
    "How is artificial intelligence changing industry, and where should a company start? Drawing on "
    "the experience of Saltlux, the Korean AI and big-data company with the most AI patents, the talk "
    "looks at innovation led by AI and at the part Gwangju can play."
)

TALK_2_SUMMARY = (
    "Lee Kyung-il began with the words themselves: «artificial» is what people make rather than what "
    "nature gives, and «intelligence» is the power to work with knowledge; AI is making things that "
    "can work with knowledge.\n\n"
    "His advice was to look at the problem before the technology: which problem to solve, what "
    "changes once it is solved, and which data and methods that needs, then to choose the technology "
    "that fits the problem.\n\n"
    "With shorter working hours and more of life online since COVID-19, he expects the automation of "
    "knowledge work to be unavoidable, and AI, helping people and machines work together, to become "
    "the heart of companies' competitiveness.\n\n"
    "He ended with Saltlux's plans in Gwangju: an agreement with the city in March 2020, an AI centre "
    "opened in April, nearly 20 people hired locally, and a hub where citizens help build training "
    "data for AI, on the way to a large data centre built with the city."
)

TALK_2_QUOTES = [
    "We should focus the right technology on the problem we are trying to solve.",
    "Progress in AI is, at heart, a way of learning about ourselves.",
    "The automation of knowledge work, and the role of AI in it, cannot be avoided.",
]
