"""What a build prints: counts, coverage by continent, the share of each kind of event, warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import kinds as K


@dataclass
class Summary:
    places: int
    events: int
    networks: int
    networks_used: int
    countries: int
    regions: dict[str, int]
    conflicts: int
    sources: int
    milestones: int
    disputed_firsts: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    coverage: list[str] = field(default_factory=list)  # "ECCAR 147 of more than 180 (2025)", one per network
    warnings: list[str] = field(default_factory=list)
    out_dir: Path | None = None

    def describe(self, seconds: float) -> str:
        lines = [
            f"built {self.out_dir}",
            f"  places     {self.places:>5}   in {self.countries} countries",
            f"  events     {self.events:>5}   from {self.sources} source pages; {self.conflicts} conflict groups",
            f"  disputed   {self.disputed_firsts:>5}   places whose first year sources disagree on",
            f"  networks   {self.networks_used:>5}   with events, of {self.networks} described",
            f"  milestones {self.milestones:>5}",
            "  continents " + ", ".join(f"{k} {v}" for k, v in self.regions.items()),
            *self._kinds(),
            *self._coverage(),
            f"  time       {seconds:.1f} s",
        ]
        lines += [f"  note: {w}" for w in self.warnings]
        return "\n".join(lines)

    def _coverage(self) -> list[str]:
        """Places mapped against each network's latest reported total, four networks to a line."""
        rows = [self.coverage[i : i + 4] for i in range(0, len(self.coverage), 4)]
        return [("  coverage   " if i == 0 else " " * 13) + "; ".join(r) for i, r in enumerate(rows)]

    def _kinds(self) -> list[str]:
        """One line per class of event: each kind's count and share of all events."""
        total = sum(self.kinds.values()) or 1
        out = []
        for label, members in (
            ("commitments", K.COMMITMENT_TYPES),
            ("steps", K.STEP_TYPES),
            ("endings", K.ENDING_EVENT_TYPES),
        ):
            shown = [f"{k} {self.kinds[k]} ({100 * self.kinds[k] / total:.1f}%)" for k in members if self.kinds.get(k)]
            out.append(f"  {label:<12}" + (", ".join(shown) or "none"))
        return out


def coverage(networks, counts) -> list[str]:
    """ "ECCAR 147 of more than 180 (2025)" for each network with places, by places mapped; "of ?" where
    no total is on record."""
    out = []
    for n in networks.sort_values(["places_mapped", "network_id"], ascending=[False, True]).itertuples(index=False):
        if not n.places_mapped:
            continue
        reported = counts[counts["network_id"] == n.network_id]
        reported = reported.assign(_y=reported["year"].astype(int), _n=reported["count"].astype(int)).sort_values(["_y", "_n"])
        if len(reported):
            last = reported.iloc[-1]
            q = {"about": "about ", "more_than": "more than "}.get(str(last["qualifier"]), "")
            total = f"{q}{int(last['count'])} ({int(last['year'])})"
        else:
            total = "?"
        out.append(f"{n.short_name} {int(n.places_mapped)} of {total}")
    return out
