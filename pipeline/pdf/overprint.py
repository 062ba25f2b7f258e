"""Black overprinting: what a content stream paints in 100 % black (process black alone,
DeviceCMYK 0 0 0 1) and whether it overprints or knocks out what lies under it.

Black that knocks out leaves a white gap under each letter on every other plate: the
slightest misregistration on press shows it as a halo round text set over a tint or a
picture. So prepress overprints it: InDesign overprints its [Black] swatch at 100 % by
default, and a printer's preflight warns of black text that does not. Overprint mode 1
(ISO 32000-1, 8.6.7) makes a DeviceCMYK colour's zero components leave those plates as they
are, so black adds its plate and takes nothing away from the others. The print finisher
sets it (print_ready.py) and the preflight reads it, both through `painted`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

import pikepdf

BLACK = (0.0, 0.0, 0.0, 1.0)
CMYK = "/DeviceCMYK"
TEXT_SHOWING = frozenset({"Tj", "TJ", "'", '"'})
FILLING = frozenset({"f", "F", "f*", "B", "B*", "b", "b*"})
STROKING = frozenset({"S", "s", "B", "B*", "b", "b*"})
# Painted in colours of their own, never the current colour: they overprint nothing.
UNCOLOURED = frozenset({"sh", "Do", "INLINE IMAGE"})
# Text rendering modes (Tr) that fill, that stroke (ISO 32000-1, table 106).
FILLING_MODES = frozenset({0, 2, 4, 6})
STROKING_MODES = frozenset({1, 2, 5, 6})
# The operators an Inking follows; as parse_content_stream takes them, for a parse of those
# alone.
FOLLOWED = frozenset({"q", "Q", "k", "K", "g", "G", "rg", "RG", "cs", "CS", "sc", "scn", "SC",
                      "SCN", "gs", "Tr"}) | TEXT_SHOWING | FILLING | STROKING | UNCOLOURED
OPERATORS = " ".join(sorted(FOLLOWED - {"INLINE IMAGE"} | {"BI", "ID", "EI"}))


@dataclass(frozen=True)
class Ink:
    """The colours in force and whether each overprints: `fill` and `stroke` are the colour
    space's name and the colour's components."""

    fill: tuple[str, tuple[float, ...]] = ("/DeviceGray", (0.0,))
    stroke: tuple[str, tuple[float, ...]] = ("/DeviceGray", (0.0,))
    overprint_fill: bool = False
    overprint_stroke: bool = False
    text_mode: int = 0


@dataclass(frozen=True)
class Painting:
    """An instruction that paints: at `index` among those read, whether it paints text, and
    which of its fill and stroke are in 100 % black, with the ink in force before it."""

    index: int
    operator: str
    fills: bool
    strokes: bool
    black_fill: bool
    black_stroke: bool
    ink: Ink

    @property
    def wanted(self) -> tuple[bool, bool]:
        """The overprint (fill, stroke) this painting should have: black overprints, any
        other colour knocks out; what it does not paint keeps what is in force."""
        return (self.black_fill if self.fills else self.ink.overprint_fill,
                self.black_stroke if self.strokes else self.ink.overprint_stroke)


class Inking:
    """The ink in force along a content stream, instruction by instruction: q and Q, colours,
    text rendering mode, and the overprint that graphics states set (`graphics_states`: the
    /ExtGState resources, by name)."""

    def __init__(self, graphics_states: dict):
        self.graphics_states = graphics_states
        self.ink, self.saved = Ink(), []

    def read(self, index: int, operands: list, operator: str) -> Painting | None:
        """Follow one instruction; what it paints, if it paints."""
        ink = self.ink
        if operator == "q":
            self.saved.append(ink)
        elif operator == "Q":
            self.ink = self.saved.pop() if self.saved else ink
        elif operator == "gs":
            self.ink = overprint_set(ink, self.graphics_states.get(str(operands[0])))
        elif operator == "Tr":
            self.ink = replace(ink, text_mode=int(operands[0]))
        elif operator in COLOUR_SETTING:
            self.ink = coloured(ink, operator, operands)
        elif operator in TEXT_SHOWING:
            return painting(index, operator, ink, ink.text_mode in FILLING_MODES,
                            ink.text_mode in STROKING_MODES)
        elif operator in FILLING or operator in STROKING:
            return painting(index, operator, ink, operator in FILLING, operator in STROKING)
        elif operator in UNCOLOURED:
            return Painting(index, operator, True, True, False, False, ink)
        return None


def painted(instructions: Iterable[tuple[list, str]], graphics_states: dict
            ) -> Iterator[Painting]:
    """Each painting instruction of `instructions` ((operands, operator's name), as
    parse_content_stream gives them), with the ink in force."""
    inking = Inking(graphics_states)
    for index, (operands, operator) in enumerate(instructions):
        if (paint := inking.read(index, operands, operator)) is not None:
            yield paint


def painting(index: int, operator: str, ink: Ink, fills: bool, strokes: bool) -> Painting:
    return Painting(index, operator, fills, strokes, fills and is_black(ink.fill),
                    strokes and is_black(ink.stroke), ink)


def is_black(colour: tuple[str, tuple[float, ...]]) -> bool:
    return colour == (CMYK, BLACK)


# Operator: (which colour it sets, the colour space it sets, or None for the components).
COLOUR_SETTING = {
    "k": ("fill", CMYK), "K": ("stroke", CMYK), "g": ("fill", "/DeviceGray"),
    "G": ("stroke", "/DeviceGray"), "rg": ("fill", "/DeviceRGB"), "RG": ("stroke", "/DeviceRGB"),
    "cs": ("fill", ""), "CS": ("stroke", ""), "sc": ("fill", None), "scn": ("fill", None),
    "SC": ("stroke", None), "SCN": ("stroke", None),
}
# The colour a colour space starts at when set (ISO 32000-1, 8.6.8): black in each device space.
INITIAL = {CMYK: BLACK, "/DeviceGray": (0.0,), "/DeviceRGB": (0.0, 0.0, 0.0)}


def coloured(ink: Ink, operator: str, operands: list) -> Ink:
    which, space = COLOUR_SETTING[operator]
    current_space, _ = getattr(ink, which)
    if space is None:  # sc, scn: components in the space in force (a pattern's name: none)
        components = tuple(float(value) for value in operands
                           if not isinstance(value, pikepdf.Name))  # a pattern's name
        colour = (current_space, components)
    elif space == "":  # cs, CS: the space named, at its initial colour
        named = str(operands[0])
        colour = (named, INITIAL.get(named, ()))
    else:
        colour = (space, tuple(float(value) for value in operands))
    return replace(ink, **{which: colour})


def overprint_set(ink: Ink, state) -> Ink:
    """The ink after a graphics state dictionary: /OP sets stroking overprint, and filling
    overprint too unless /op is given (ISO 32000-1, table 58)."""
    if state is None or "/OP" not in state and "/op" not in state:
        return ink
    stroke = bool(state.get("/OP", ink.overprint_stroke))
    fill = bool(state.get("/op", state.get("/OP", ink.overprint_fill)))
    return replace(ink, overprint_fill=fill, overprint_stroke=stroke)


def graphics_states(holder: pikepdf.Object) -> dict:
    """A page's or form's /ExtGState resources, by name."""
    resources = holder.get("/Resources", pikepdf.Dictionary())
    return {str(name): state for name, state in resources.get("/ExtGState", {}).items()}


def knocked_out_text(instructions: Iterable[tuple[list, str]], holder) -> int:
    """How many text-showing instructions paint 100 % black without overprinting."""
    return sum(1 for paint in painted(instructions, graphics_states(holder))
               if paint.operator in TEXT_SHOWING and paint.black_fill
               and not paint.ink.overprint_fill)
