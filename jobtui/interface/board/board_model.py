"""The board's cards by stage, in order, filtered, and kept current as time passes.

Nothing here imports Textual. Windows cost tens of microseconds each, so they
are computed once when the board loads; after that a change recomputes only the
application it touched, and a card moves between two sorted lists by bisection
rather than by sorting again. Time passing changes urgency only at known
instants (a window opening, a day before it is due, its due time, an event
that was still to come), which wait in a heap; a few windows are also
recomputed on every tick in turn, for the changes the rules make at instants
they do not announce (an overdue follow-up giving way to "move on").
"""

from __future__ import annotations

import copy
import heapq
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from pendulum import DateTime

from jobtui.domain.model import Application, Interview, Stage, StageSet
from jobtui.domain.rules import Window
from jobtui.domain.times import seconds_since_epoch
from jobtui.interface.board.cards import Card, SortKey, Urgency

WindowOf = Callable[[Application, DateTime], Window | None]

# How many windows each tick recomputes in turn: a few milliseconds' work.
ROLLING_PER_TICK = 100
# No interview lasts longer; events older than this cannot change anything.
LONGEST_INTERVIEW = 7 * 86400.0


@dataclass(eq=False)
class StageCards:
    """The cards of one stage, most urgent first, and those the filter lets through."""

    stage: Stage
    keys: list[SortKey] = field(default_factory=list)
    filtered: list[SortKey] | None = None

    @property
    def name(self) -> str:
        """The stage's name."""
        return self.stage.name

    @property
    def shown(self) -> list[SortKey]:
        """The keys of the cards on show: all of them, or those the filter matches."""
        return self.keys if self.filtered is None else self.filtered

    @property
    def total(self) -> int:
        """How many applications are in the stage, filtered or not."""
        return len(self.keys)


class BoardModel:
    """Every card, in a column per stage, with a filter and the clock's place.

    Args:
        stages: the stages in board order; applications in a stage not among
            them get a column of their own at the end.
        window_of: the next window of an application at a time.
    """

    def __init__(self, stages: StageSet, window_of: WindowOf) -> None:
        self.stages = stages
        self.window_of = window_of
        self.columns: list[StageCards] = []
        self.cards: dict[str, Card] = {}
        self.counts: Counter[Urgency] = Counter()
        self.now: DateTime | None = None
        self.settled = True
        self._by_name: dict[str, StageCards] = {}
        self._words: list[str] = []
        self._haystacks: dict[str, str] = {}
        self._turns: list[tuple[float, str]] = []
        self._rolling: Iterator[str] = iter(())
        self._reset()

    def load(self, applications: Iterable[Application], now: DateTime) -> None:
        """Forget every card and build them again for `applications` at `now`."""
        self.now = now
        window_of, moment = self.window_of, seconds_since_epoch(now)
        self._rebuild(
            [Card.build(app, window_of(app, now), moment) for app in applications]
        )

    def load_provisional(
        self, applications: Iterable[Application], now: DateTime
    ) -> None:
        """Show cards before their windows are known, the latest activity first.

        `settle` then gives them their windows and their places.
        """
        self.now = now
        moment = seconds_since_epoch(now)
        # No turns yet: `settle` works them all out, moments later.
        cards = [Card.build(app, None, moment) for app in applications]
        self._rebuild(cards, turns=False)
        self.settled = False

    def settle(self, known: dict[str, tuple[Application, Window | None]]) -> None:
        """Give every card its window, computed elsewhere for the applications given.

        An application changed since then has its window computed again here.
        """
        assert self.now is not None, "load the board first"
        moment = seconds_since_epoch(self.now)
        self.settle_cards(
            {
                app_id: Card.build(application, window, moment)
                for app_id, (application, window) in known.items()
            }
        )

    def settle_cards(self, built: dict[str, Card]) -> None:
        """Put in place cards built elsewhere with their windows, at the model's now.

        A card built for an application changed since then is built again here.
        """
        assert self.now is not None, "load the board first"
        now, window_of = self.now, self.window_of
        moment = seconds_since_epoch(now)
        cards = []
        for card in self.cards.values():
            application = card.application
            settled = built.get(card.app_id)
            if settled is None or settled.application is not application:
                settled = Card.build(application, window_of(application, now), moment)
            cards.append(settled)
        self._rebuild(cards)

    def column_named(self, name: str) -> StageCards:
        """The column of a stage, made at the end if the stage is not on the board."""
        column = self._by_name.get(name.casefold())
        if column is None:
            column = StageCards(Stage(name))
            self.columns.append(column)
            self._by_name[name.casefold()] = column
        return column

    def column_of(self, app_id: str) -> StageCards:
        """The column an application's card is in."""
        return self.column_named(self.cards[app_id].application.stage)

    def index_in(self, column: StageCards, app_id: str) -> int | None:
        """Where the card is among the column's shown cards, or None if it is not."""
        card = self.cards.get(app_id)
        if card is None:
            return None
        shown = column.shown
        index = bisect_left(shown, card.key)
        if index < len(shown) and shown[index] == card.key:
            return index
        return None

    def card_at(self, column: StageCards, index: int) -> Card:
        """The card at a position among the column's shown cards."""
        return self.cards[column.shown[index][-1]]

    def put(self, application: Application, now: DateTime | None = None) -> Card:
        """Show a new or changed application, recomputing only its own window.

        Args:
            now: the time of the change, when the clock has moved on since the
                board last looked; the change itself may be dated then.
        """
        if now is not None:
            self.now = now
        assert self.now is not None, "load the board first"
        window = self.window_of(application, self.now)
        moment = seconds_since_epoch(self.now)
        return self._place(Card.build(application, window, moment))

    def remove(self, app_id: str) -> Card | None:
        """Take an application's card off the board; the card, or None if absent."""
        card = self.cards.pop(app_id, None)
        if card is None:
            return None
        column = self.column_named(card.application.stage)
        _discard(column.keys, card.key)
        if column.filtered is not None:
            _discard(column.filtered, card.key)
        self.counts[card.urgency] -= 1
        return card

    def set_filter(self, text: str) -> None:
        """Show only cards whose company, role or tags hold every word of `text`."""
        self._words = text.casefold().split()
        self._apply_filter()

    @property
    def filtering(self) -> bool:
        """Whether a filter is in force."""
        return bool(self._words)

    def advance(self, now: DateTime) -> list[Card]:
        """Bring urgency up to `now`; the cards whose place or words changed."""
        self.now = now
        moment = seconds_since_epoch(now)
        touched: list[str] = []
        while self._turns and self._turns[0][0] <= moment:
            touched.append(heapq.heappop(self._turns)[1])
        if self.settled:
            touched.extend(self._next_rolling())

        changed = []
        for app_id in dict.fromkeys(touched):
            card = self.cards.get(app_id)
            if card is None:
                continue
            window = self.window_of(card.application, now)
            fresh = Card.build(card.application, window, moment)
            if fresh.key != card.key or not _same_window(fresh.window, card.window):
                changed.append(self._place(fresh))
            else:
                self._push_turns(fresh, moment)
        return changed

    def next_turn(self) -> float | None:
        """The next instant (seconds since the epoch) at which some urgency changes."""
        return self._turns[0][0] if self._turns else None

    def landing_index(self, app_id: str, stage: str) -> int:
        """Where the card would land among the shown cards of `stage` if moved there."""
        assert self.now is not None, "load the board first"
        moved = copy.deepcopy(self.cards[app_id].application)
        moved.move_to(stage, self.now)
        moment = seconds_since_epoch(self.now)
        card = Card.build(moved, self.window_of(moved, self.now), moment)
        return bisect_left(self.column_named(stage).shown, card.key)

    @property
    def due_count(self) -> int:
        """How many follow-ups should go out now: windows open or overdue."""
        return sum(self.counts[urgency] for urgency in Urgency if urgency.is_due)

    def _reset(self) -> None:
        self.columns = [StageCards(stage) for stage in self.stages]
        self._by_name = {column.name.casefold(): column for column in self.columns}
        self.cards.clear()
        self.counts.clear()
        self._haystacks.clear()
        self._turns = []
        self._rolling = iter(())

    def _rebuild(self, cards: list[Card], *, turns: bool = True) -> None:
        """Put every card in its column, sort the columns once, note the turns."""
        self._reset()
        self.settled = True
        assert self.now is not None
        moment = seconds_since_epoch(self.now)
        by_id, column_named = self.cards, self.column_named
        for card in cards:
            by_id[card.key[-1]] = card
            column_named(card.application.stage).keys.append(card.key)
        if turns:
            self._turns = [
                (point, card.key[-1])
                for card in cards
                for point in _points(card, moment)
            ]
        self.counts.update(card.urgency for card in cards)
        for column in self.columns:
            column.keys.sort()
        heapq.heapify(self._turns)
        self._apply_filter()

    def _place(self, card: Card) -> Card:
        """Put a card in its column at its place, replacing its old self."""
        self.remove(card.app_id)
        self.cards[card.app_id] = card
        self.counts[card.urgency] += 1
        column = self.column_named(card.application.stage)
        insort(column.keys, card.key)
        self._haystacks.pop(card.app_id, None)
        if column.filtered is not None and self._matches(card):
            insort(column.filtered, card.key)
        assert self.now is not None
        self._push_turns(card, seconds_since_epoch(self.now))
        return card

    def _push_turns(self, card: Card, moment: float) -> None:
        for point in _points(card, moment):
            heapq.heappush(self._turns, (point, card.app_id))

    def _apply_filter(self) -> None:
        for column in self.columns:
            if not self._words:
                column.filtered = None
            else:
                cards = self.cards
                column.filtered = [
                    key for key in column.keys if self._matches(cards[key[-1]])
                ]

    def _matches(self, card: Card) -> bool:
        """Whether the card's company, role or tags hold every word of the filter."""
        haystack = self._haystacks.get(card.app_id)
        if haystack is None:
            haystack = self._haystacks[card.app_id] = card.haystack()
        return all(word in haystack for word in self._words)

    def _next_rolling(self) -> list[str]:
        """The next few application ids in turn, starting over when all had one."""
        batch = list(islice(self._rolling, ROLLING_PER_TICK))
        if len(batch) < ROLLING_PER_TICK:
            self._rolling = iter(list(self.cards))
            batch += islice(self._rolling, ROLLING_PER_TICK - len(batch))
        return batch


def _points(card: Card, moment: float) -> list[float]:
    """The instants after `moment` at which the card's urgency or window may change.

    Events still to come (and interviews not yet over) are among them; events
    are in time order, so the search stops a week back, beyond any interview.
    """
    points = [point for point in card.turning_points() if point > moment]
    for event in reversed(card.application.events):
        at = seconds_since_epoch(event.at)
        if at > moment:
            points.append(at)
        if isinstance(event, Interview):
            ends = at + event.duration_minutes * 60
            if ends > moment:
                points.append(ends)
        if at < moment - LONGEST_INTERVIEW:
            break
    return points


def _same_window(one: Window | None, other: Window | None) -> bool:
    """Whether two windows ask the same thing at the same times (reasons aside)."""
    if one is None or other is None:
        return one is other
    return (one.kind, one.opens, one.due, one.suggested_stage) == (
        other.kind,
        other.opens,
        other.due,
        other.suggested_stage,
    )


def _discard(keys: list[SortKey], key: SortKey) -> None:
    index = bisect_left(keys, key)
    if index < len(keys) and keys[index] == key:
        del keys[index]
