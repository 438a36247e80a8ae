"""Progress in a log: a plain line every few seconds with the count, the rate and the time left;
nothing at all for a build shorter than the interval."""
from __future__ import annotations

from kg.building.progress import LogLines, duration


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_line_every_interval_with_done_rate_and_time_left():
    clock, lines = Clock(), []
    log = LogLines(lines.append, every=5.0, clock=clock)
    log.start(2000)
    for _ in range(40):              # 4 documents a second for 10 seconds
        clock.now += 0.25
        log.advance("x.md")
    assert lines == [
        "built 20 of 2000 documents (1%), 4.0 documents/s, about 8 min 15 s left",
        "built 40 of 2000 documents (2%), 4.0 documents/s, about 8 min 10 s left",
    ]


def test_a_short_build_prints_nothing_and_a_long_one_says_it_is_publishing():
    clock, lines = Clock(), []
    log = LogLines(lines.append, every=5.0, clock=clock)
    log.start(3)
    for _ in range(3):
        clock.now += 1
        log.advance("x.md")
    log.stage("publishing 3 documents")
    assert lines == []
    clock.now += 10
    log.stage("publishing 3 documents")
    assert lines == ["publishing 3 documents"]


def test_durations_read_like_a_clock():
    assert [duration(s) for s in (0, 45.4, 458, 3900)] == ["0 s", "45 s", "7 min 38 s", "1 h 05 min"]
