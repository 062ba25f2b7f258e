"""Registration colour: what printer's marks are drawn in, so every separation carries them.

ISO 32000-1, 8.6.6.4: the special colorant name All in a Separation colour space "shall refer
collectively to all colorants available on an output device … useful for purposes such as
painting registration targets in the same place on every separation". Its alternate space is
DeviceCMYK at full ink on every plate, as InDesign and Scribus write it; a printer's preflight
knows the colorant as marks and leaves it out of the ink limit, which a mark drawn in CMYK at
400 % would break.
"""

from __future__ import annotations

import pikepdf

# The colour space's name in a page's resources, where the marks are drawn.
RESOURCE = "/Registration"
ALL = "/All"


def registration_space(pdf: pikepdf.Pdf) -> pikepdf.Array:
    """[/Separation /All /DeviceCMYK tint]: the tint transform maps a tint of 1 to full ink
    on each of the four process plates (a type 2 function, ISO 32000-1, 7.10.3)."""
    tint = pdf.make_indirect(pikepdf.Dictionary(
        FunctionType=2, Domain=[0, 1], C0=[0, 0, 0, 0], C1=[1, 1, 1, 1], N=1))
    return pikepdf.Array([pikepdf.Name.Separation, pikepdf.Name(ALL),
                          pikepdf.Name.DeviceCMYK, tint])


def stroked_in_registration(resource: str = RESOURCE) -> str:
    """The operators setting the stroking colour to registration at full tint, the space
    being named `resource` in the page's resources."""
    return f"{resource} CS 1 SCN"


def is_registration(space: str, named) -> bool:
    """Whether the colour space `space` (an operand of cs or CS) is a Separation of the
    colorant All, by its name in the resources' colour spaces `named`."""
    found = named.get(space) if space.startswith("/") else None
    return (isinstance(found, pikepdf.Array) and len(found) >= 2
            and found[0] == pikepdf.Name.Separation and found[1] == pikepdf.Name(ALL))
