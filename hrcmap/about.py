"""The About page's text: what a human rights city is, what counts, how it was gathered. Trusted prose, ours."""

from __future__ import annotations

ABOUT = """
**hrcmap** is an open atlas of the human rights cities movement: the cities, counties and regions
that declared themselves human rights cities, adopted human rights ordinances or charters, or
joined networks of such places, with the year of each commitment and the page that states it.

### What is a human rights city?

There is no single definition; hrcmap records the places that fit any of the three in use:

- **A legal and policy definition**: a municipality that refers explicitly to the Universal
  Declaration of Human Rights and to international human rights law in its own policies,
  ordinances or charters.
- **The Gwangju Declaration's definition** (first World Human Rights Cities Forum, 2011): a human
  rights city is both a local community and a socio-political process, in which residents and
  local government together put human rights into practice.
- **A sociological definition**: a city organised around human rights norms and principles,
  whether or not its council has said so in law.

### What counts

A place enters the atlas with at least one dated commitment that a public page states: a
declaration as a human rights city, a local human rights ordinance, the signature of a charter, a
council resolution, or membership of a network of cities committed to human rights or against
discrimination. A city a source merely mentions, or one that only hosted a meeting, does not count.
A membership known only "as of" a year is recorded as *listed* in that year (the place may have joined
earlier) and marked medium confidence.

### How it was gathered

Each fact was read on a public page (a network's site, a city's own pages, council records,
local-language news, research reports); its address and the day it was read are kept with it.
Notes are our own words. Places are located offline from the GeoNames gazetteer or from a page
giving their coordinates, and each point is checked against its country's outline.

### Conflicts and withdrawals

When sources disagree (a year, who was "first"), each claim is its own row with its own source,
and the rows are linked: every place profile shows them side by side. A withdrawn, repealed or
lapsed commitment gets an event of its own; its earlier events stay, and the map rings the place in
black.

### Known gaps

Several networks publish counts but no member lists, so the atlas maps only the members a page
names. The table below compares what we map with what each network reported.

### Licence, citation, corrections

The data is licensed CC BY 4.0 and the code MIT. Cite the data as shown at the foot of every page.
To propose a correction, name the place (its `city=` link) or the row's `event_id` on the Data page,
and the page that says otherwise.
"""
