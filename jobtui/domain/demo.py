"""Demo data: about 25 realistic applications, timed relative to the moment asked for.

Every kind and state of follow-up appears whenever the demo runs: windows not yet
open, open, overdue, a thank-you due within hours, an offer awaiting a reply, a
chain that has gone silent long enough to move on, and closed applications.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pendulum import DateTime

from jobtui.domain.model import (
    Application,
    Contact,
    Event,
    FollowUp,
    Interview,
    Kind,
    Offer,
    Reply,
    StageChange,
)


@dataclass(frozen=True)
class Step:
    """Something that happened `days` before now (negative: still to come)."""

    days: float
    what: str
    detail: str = ""
    minutes: int = 45
    kind: Kind = Kind.FOLLOWUP
    decision_in: float | None = None


@dataclass(frozen=True)
class Sketch:
    """One demo application: who, what, and the steps of its story."""

    company: str
    role: str
    location: str
    salary: str
    source: str
    tags: tuple[str, ...]
    contact: tuple[str, str, str]
    applied_days: float
    steps: tuple[Step, ...] = field(default=())
    notes: str = ""


SKETCHES: tuple[Sketch, ...] = (
    Sketch(
        "Northwind Analytics",
        "Data Engineer",
        "Remote (EU)",
        "€70–85k",
        "LinkedIn",
        ("python", "remote"),
        ("Priya Natarajan", "priya@northwind.example", "Technical Recruiter"),
        3,
    ),
    Sketch(
        "Bluefin Robotics",
        "Backend Engineer",
        "Hamburg",
        "€75k",
        "Company site",
        ("go", "robotics"),
        ("Jonas Weber", "jonas.weber@bluefin.example", "Engineering Manager"),
        9,
        notes="Their fleet-control API is public; mention the rate-limit design.",
    ),
    Sketch(
        "Larkspur Health",
        "Platform Engineer",
        "Berlin / hybrid",
        "€80–95k",
        "Referral",
        ("kubernetes", "health"),
        ("Mara Lindqvist", "mara@larkspur.example", "Head of Platform"),
        17,
    ),
    Sketch(
        "Quillon Labs",
        "Python Developer",
        "Remote",
        "$110–130k",
        "Hacker News",
        ("python", "remote"),
        ("Sam Ortega", "sam@quillon.example", "Recruiter"),
        20,
        (Step(8, "followup", "Checked in on the timeline."),),
    ),
    Sketch(
        "Meridian Freight",
        "Site Reliability Engineer",
        "Rotterdam",
        "€72k",
        "Indeed",
        ("sre",),
        ("Eva de Vries", "eva@meridian.example", "Talent Partner"),
        40,
        (
            Step(30, "followup", "Asked whether the role was still open."),
            Step(16, "followup", "Second short check-in.", kind=Kind.SECOND_FOLLOWUP),
        ),
    ),
    Sketch(
        "Tidewater Energy",
        "Data Platform Lead",
        "Oslo",
        "NOK 950k",
        "LinkedIn",
        ("data", "lead"),
        ("Henrik Dahl", "henrik@tidewater.example", "Director of Data"),
        60,
        (
            Step(50, "followup", "Followed up after applying."),
            Step(36, "followup", "Followed up again.", kind=Kind.SECOND_FOLLOWUP),
        ),
    ),
    Sketch(
        "Copperleaf Games",
        "Tools Programmer",
        "Remote",
        "€65k",
        "Discord community",
        ("c++", "games"),
        ("Lea Fontaine", "lea@copperleaf.example", "Studio Recruiter"),
        1,
    ),
    Sketch(
        "Halcyon Bank",
        "Software Engineer, Payments",
        "London",
        "£85k",
        "Recruiter outreach",
        ("java", "payments"),
        ("Oliver Grant", "oliver.grant@halcyon.example", "Recruiter"),
        12,
        (Step(5, "stage", "Under Review"),),
    ),
    Sketch(
        "Fernhill Education",
        "Full-Stack Developer",
        "Remote (UK)",
        "£60–70k",
        "Company site",
        ("typescript", "edtech"),
        ("Nia Okafor", "nia@fernhill.example", "Hiring Manager"),
        25,
        (
            Step(10, "reply", "Application passed to the hiring manager."),
            Step(10, "stage", "Under Review"),
        ),
    ),
    Sketch(
        "Orchard Pay",
        "Backend Engineer",
        "Amsterdam",
        "€78k",
        "Referral",
        ("python", "fintech"),
        ("Ruben Kok", "ruben@orchardpay.example", "Recruiter"),
        14,
        (
            Step(6, "reply", "Invited to a phone screen."),
            Step(6, "stage", "Phone Screen"),
            Step(
                0.85,
                "interview",
                "Recruiter call: team of six, moving from cron "
                "jobs to an event queue; asked about my Kafka migration.",
                minutes=30,
            ),
        ),
    ),
    Sketch(
        "Juniper Maps",
        "GIS Software Engineer",
        "Zurich",
        "CHF 120k",
        "Meetup",
        ("gis", "python"),
        ("Chloé Martin", "chloe@junipermaps.example", "Recruiter"),
        10,
        (
            Step(3, "reply", "Phone screen booked."),
            Step(3, "stage", "Phone Screen"),
            Step(-2.1, "interview", "Screen with the recruiter.", minutes=30),
        ),
    ),
    Sketch(
        "Stratus Kitchens",
        "Mobile Engineer",
        "Lisbon",
        "€55k",
        "AngelList",
        ("kotlin", "mobile"),
        ("Tiago Sousa", "tiago@stratus.example", "CTO"),
        16,
        (
            Step(8, "stage", "Phone Screen"),
            Step(
                2.2,
                "interview",
                "Call with the CTO about offline-first ordering "
                "and their tablet fleet.",
                minutes=40,
            ),
        ),
    ),
    Sketch(
        "Pelican Insurance",
        "Data Scientist",
        "Dublin",
        "€80k",
        "LinkedIn",
        ("ml", "insurance"),
        ("Aoife Byrne", "aoife@pelican.example", "Analytics Manager"),
        24,
        (
            Step(15, "stage", "Phone Screen"),
            Step(9, "interview", "Screen on claims-fraud models.", minutes=30),
            Step(8.8, "followup", "Thanked Aoife for the call.", kind=Kind.THANK_YOU),
        ),
    ),
    Sketch(
        "Kestrel Security",
        "Security Engineer",
        "Munich",
        "€90k",
        "Referral",
        ("security",),
        ("Felix Braun", "felix@kestrel.example", "Security Lead"),
        30,
        (
            Step(20, "stage", "Phone Screen"),
            Step(12, "stage", "Interviewing"),
            Step(
                0.15,
                "interview",
                "Onsite with Felix and two engineers: their "
                "threat-modelling workshop and a bug-bounty backlog of 40 reports.",
                minutes=180,
            ),
        ),
    ),
    Sketch(
        "Ironwood Data",
        "Analytics Engineer",
        "Remote",
        "$120k",
        "Company site",
        ("dbt", "sql"),
        ("Grace Liu", "grace@ironwood.example", "Data Lead"),
        35,
        (
            Step(24, "stage", "Phone Screen"),
            Step(16, "stage", "Interviewing"),
            Step(
                5,
                "interview",
                "Final round: dbt project structure and testing strategy.",
                minutes=90,
                decision_in=3,
            ),
            Step(4.9, "followup", "Thank-you to Grace.", kind=Kind.THANK_YOU),
        ),
    ),
    Sketch(
        "Beacon Legal Tech",
        "Senior Python Engineer",
        "Remote (EU)",
        "€95k",
        "Hacker News",
        ("python", "legal"),
        ("Tomás Ruiz", "tomas@beacon.example", "VP Engineering"),
        28,
        (
            Step(18, "stage", "Phone Screen"),
            Step(11, "stage", "Interviewing"),
            Step(
                4, "interview", "System design: document search at scale.", minutes=60
            ),
            Step(3.9, "followup", "Thanked Tomás.", kind=Kind.THANK_YOU),
        ),
    ),
    Sketch(
        "Saffron Retail",
        "Engineering Manager",
        "Manchester",
        "£95k",
        "Recruiter outreach",
        ("management",),
        ("Hannah Price", "hannah@saffron.example", "Head of Engineering"),
        21,
        (
            Step(14, "stage", "Phone Screen"),
            Step(7, "stage", "Interviewing"),
            Step(-0.8, "interview", "Panel with the product leads.", minutes=60),
        ),
    ),
    Sketch(
        "Alder Climate",
        "Backend Engineer",
        "Copenhagen",
        "DKK 650k",
        "Climatebase",
        ("python", "climate"),
        ("Freja Holm", "freja@alder.example", "Engineering Manager"),
        45,
        (
            Step(35, "stage", "Phone Screen"),
            Step(26, "stage", "Interviewing"),
            Step(14, "interview", "Final round with the founders.", minutes=120),
            Step(13.8, "followup", "Thanked the founders.", kind=Kind.THANK_YOU),
            Step(0.1, "stage", "Offer"),
            Step(
                0.1, "offer", "€82k, 25 days' leave, start in February.", decision_in=7
            ),
        ),
    ),
    Sketch(
        "Vantage Media",
        "Data Engineer",
        "Remote",
        "$125k",
        "LinkedIn",
        ("spark", "media"),
        ("Marcus Bell", "marcus@vantage.example", "Recruiter"),
        50,
        (
            Step(40, "stage", "Phone Screen"),
            Step(30, "stage", "Interviewing"),
            Step(18, "interview", "Final interview.", minutes=90),
            Step(17.9, "followup", "Thank-you note.", kind=Kind.THANK_YOU),
            Step(4, "stage", "Offer"),
            Step(4, "offer", "$128k plus equity.", decision_in=6),
            Step(
                3.8,
                "followup",
                "Thanked them and asked for a week to decide.",
                kind=Kind.OFFER_REPLY,
            ),
        ),
    ),
    Sketch(
        "Granite Cloud",
        "Cloud Engineer",
        "Dublin",
        "€85k",
        "Indeed",
        ("aws",),
        ("Ciara Walsh", "ciara@granite.example", "Recruiter"),
        33,
        (
            Step(25, "stage", "Phone Screen"),
            Step(20, "interview", "Recruiter screen.", minutes=30),
            Step(12, "reply", "They went with another candidate."),
            Step(12, "stage", "Rejected"),
        ),
    ),
    Sketch(
        "Wren & Co",
        "Frontend Engineer",
        "Remote",
        "€60k",
        "Company site",
        ("react",),
        ("Isla Reid", "isla@wren.example", "Recruiter"),
        26,
        (
            Step(19, "reply", "Position filled internally."),
            Step(19, "stage", "Rejected"),
        ),
    ),
    Sketch(
        "Lumen Optics",
        "Embedded Software Engineer",
        "Eindhoven",
        "€70k",
        "Referral",
        ("c", "embedded"),
        ("Daan Smit", "daan@lumen.example", "Team Lead"),
        38,
        (
            Step(30, "stage", "Phone Screen"),
            Step(27, "interview", "Technical screen on RTOS scheduling.", minutes=60),
            Step(26.9, "followup", "Thank-you to Daan.", kind=Kind.THANK_YOU),
            Step(15, "stage", "Rejected"),
        ),
    ),
    Sketch(
        "Mosaic HR",
        "Python Developer",
        "Remote",
        "€68k",
        "LinkedIn",
        ("python", "django"),
        ("Zoe Laurent", "zoe@mosaic.example", "Recruiter"),
        10,
        (Step(2, "followup", "Short check-in after a week."),),
    ),
    Sketch(
        "Pinecrest Travel",
        "Backend Developer",
        "Barcelona",
        "€58k",
        "Company site",
        ("node",),
        ("Lucía Navarro", "lucia@pinecrest.example", "Recruiter"),
        6,
    ),
    Sketch(
        "Harbor Logistics",
        "DevOps Engineer",
        "Gothenburg",
        "SEK 700k",
        "Indeed",
        ("terraform", "ci"),
        ("Erik Lund", "erik@harbor.example", "Infrastructure Lead"),
        14.1,
    ),
)


def demo_applications(now: DateTime) -> list[Application]:
    """The demo applications as of `now`, in the default stages."""
    return [_build(sketch, now) for sketch in SKETCHES]


def _build(sketch: Sketch, now: DateTime) -> Application:
    applied = _ago(now, sketch.applied_days)
    events: list[Event] = [StageChange(at=applied, from_stage=None, to_stage="Applied")]
    stage = "Applied"
    for step in sketch.steps:
        at = _ago(now, step.days)
        match step.what:
            case "stage":
                events.append(
                    StageChange(at=at, from_stage=stage, to_stage=step.detail)
                )
                stage = step.detail
            case "followup":
                events.append(FollowUp(at=at, kind=step.kind, text=step.detail))
            case "reply":
                events.append(Reply(at=at, summary=step.detail))
            case "interview":
                decision = None
                if step.decision_in is not None:
                    decision = at.add(days=step.decision_in).start_of("day")
                events.append(
                    Interview(
                        at=at,
                        duration_minutes=step.minutes,
                        with_whom=sketch.contact[0],
                        notes=step.detail,
                        decision_by=decision,
                    )
                )
            case "offer":
                deadline = at.add(days=step.decision_in or 7)
                events.append(Offer(at=at, deadline=deadline, details=step.detail))
    name, email, title = sketch.contact
    return Application(
        company=sketch.company,
        role=sketch.role,
        stage=stage,
        applied=applied,
        url=f"https://jobs.{_domain(sketch.company)}.example/{_slug(sketch.role)}",
        location=sketch.location,
        salary=sketch.salary,
        source=sketch.source,
        tags=list(sketch.tags),
        notes=sketch.notes,
        contacts=[Contact(name=name, email=email, title=title)],
        events=events,
        created=applied,
        updated=events[-1].at if events[-1].at <= now else now,
    )


def _ago(now: DateTime, days: float) -> DateTime:
    return now.subtract(minutes=round(days * 24 * 60)).replace(second=0)


def _domain(company: str) -> str:
    return company.split()[0].lower().strip("&")


def _slug(role: str) -> str:
    return "-".join(
        "".join(ch for ch in word if ch.isalnum()) for word in role.lower().split()
    )
