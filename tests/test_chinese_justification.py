"""Chinese lines justified between their characters in every edition: a line holding a space
before an address is spread, or left short, never filled by that one space; list text on the
grid of whole characters the paragraphs keep; the preflight judging such lines justified.
A marine parks body's Traditional Chinese report (tests/chinese_justification/), rendered
and measured from the PDFs with pdftotext."""

import json
import re
from collections import Counter
from pathlib import Path
from unicodedata import east_asian_width

import pytest

from pipeline.checks.preflight import preflight
from pipeline.checks.preflight.typography_rules import spread_between_characters
from pipeline.languages.chinese import CHINESE
from pipeline.languages.english import ENGLISH
from pipeline.layouts import load_layout
from pipeline.model import Metadata, Paragraph
from pipeline.pdf.structure import structure_elements
from pipeline.pdf.text import element_text, marked_texts
from pipeline.readers.metadata import load_metadata
from pipeline.readers.scraped import read_scraped, scraped_document
from pipeline.writers.pdf.render import render_pdf

from .conftest import ROOT
from .support import SEED, scraped_editions
from .typesetting import words_by_line

TEXTS = Path(__file__).parent / "chinese_justification"
NAME = "marine-parks-2024"
LAYOUTS = ["print", "screen", "large-print"]


@pytest.fixture(scope="module")
def editions(tmp_path_factory) -> dict[str, tuple[Path, object, object]]:
    folder = tmp_path_factory.mktemp("justification")
    path = TEXTS / f"{NAME}.txt"
    document = read_scraped(path, load_metadata(path.with_suffix(".toml"), LAYOUTS))[0]
    built = {}
    for name in LAYOUTS:
        layout = load_layout(ROOT / "layouts", name).for_language(document.metadata.language)
        pdf = folder / f"{NAME}-{name}.pdf"
        pdf.write_bytes(render_pdf(document, layout, TEXTS))
        built[name] = (pdf, document, layout)
    return built


@pytest.mark.slow
@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_space_before_an_address_takes_no_more_than_its_share(editions, layout):
    """An address Chinese holds on both sides is set against its characters (the house
    style: the space the source typed before it goes), and the line holding it is spread
    between its characters or left short, never with a hole before the address (README:
    not letter-spaced across it either)."""
    pdf, _, settings = editions[layout]
    size = settings.body_size_pt
    holding = [line for line in words_by_line(pdf)
               if any("https://" in word[2] for word in line)]
    assert holding
    for line in holding:
        gaps = [after[0] - before[1] for before, after in zip(line, line[1:], strict=False)]
        assert max(gaps, default=0) < 0.6 * size, (line, gaps)


@pytest.mark.slow
@pytest.mark.parametrize("layout", LAYOUTS)
def test_chinese_list_text_stands_on_whole_characters(editions, layout):
    """Every item's text, numbered 一、 or 1., bulleted, nested (a) or （一）, starts a whole
    number of characters from the text area's edge: the first level's on the two
    characters of the paragraphs' indent; a nested list's as many further in as its labels
    take, three for （一） and for （a） (a Chinese text's brackets are full width), so its
    labels start under its parent item's text."""
    pdf, _, settings = editions[layout]
    size = settings.body_size_pt
    lines = words_by_line(pdf, pages=True)
    lefts = {}  # each page's text area edge: where a paragraph's lines start
    for page, line in lines:
        if len(line[0][2]) > 10:
            lefts[page] = min(lefts.get(page, line[0][0]), line[0][0])
    items = {"保育珊瑚群落": 2, "珊瑚健康普查": 2, "海草床分布調查": 2,
             "在海下灣設立六個長期監測點": 5, "東平洲及印洲塘的珊瑚覆蓋率": 5}
    found = {}
    for page, line in lines:
        for start, end, text in line:
            for item, characters in items.items():
                if item[:6] in text:
                    # A label (一、, （一）, （a）) drawn just before its item's text is read as
                    # one word with it: the text's start counted back from the word's end,
                    # each of its characters an em, where they all are (a label's Latin
                    # letter is not), else on from the word's start.
                    rest = text[text.index(item[:6]):]
                    begins = (end - len(rest) * size
                              if all(east_asian_width(char) in "WF" for char in rest)
                              else start + text.index(item[:6]) * size)
                    found[item] = begins - lefts[page]
                    assert begins - lefts[page] == pytest.approx(characters * size, abs=0.3), text
    assert set(found) == set(items)
    if layout == "print":  # the paragraphs' first-line indent, two characters
        first = next(line[0][0] - lefts[page] for page, line in lines
                     if line[0][2].startswith("過去一年"))
        assert found["珊瑚健康普查"] == pytest.approx(first, abs=0.3)


@pytest.mark.slow
@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_preflight_finds_chinese_lines_justified(editions, layout):
    pdf, document, settings = editions[layout]
    report = preflight(pdf, document, settings, TEXTS)
    typography = next(check for check in report.checks if check.rule == "typography")
    assert "ragged right" not in typography.message
    assert "full lines justified between their characters" in typography.message
    assert "word spaces of" not in typography.message  # a Chinese line has none to judge


@pytest.mark.slow
def test_the_preflight_judges_english_by_its_word_spaces(seed_build):
    """The seed's print edition is justified at its word spaces, its large print ragged, as
    before: no English line is taken for one spread between characters."""
    output = seed_build.folder / "output" / SEED
    for layout, says in (("print", "word spaces of"), ("large-print", "word spaces of")):
        report = json.loads((output / f"{SEED}-{layout}.preflight.json").read_text())
        typography = next(check for check in report["checks"] if check["rule"] == "typography")
        assert says in typography["message"]
        assert "between their characters" not in typography["message"]


def test_a_line_is_spread_between_characters_in_the_language_it_is_read_in():
    # A Chinese line, an address in it or not; an English one in a Chinese document.
    assert spread_between_characters("情，請瀏覽 https://www.marineparks.gov.hk/tc", CHINESE)
    assert spread_between_characters("年內，我們為市民、學校及團體舉辦了各類教育活動", CHINESE)
    assert not spread_between_characters("https://www.marineparks.gov.hk/tc/visit/", CHINESE)
    # English, with a Chinese name in it, set at its word spaces; a Chinese line inside
    # English between its characters.
    assert not spread_between_characters("the Chairman, 陳嘉明, opened the new centre at",
                                          ENGLISH)
    assert spread_between_characters("海岸公園管理委員會主席陳嘉明先生主持開幕儀式", ENGLISH)


# A range between figures, whatever its dash: `1～3月`, `2023—2024年度`, `2023–24`, `9:00–17:00`.
FIGURE_RANGE_DASH = re.compile(r"(?<=\d)[\u2013\u2014\u301c\uff5e](?=\d)")


@pytest.mark.parametrize(("language", "text"), [
    ("zh-HK", "本館於1～3月及7〜8月延長開放時間（9:00–17:00），2023—2024年度的參觀人次較"
              "2022–23年度上升，電話2835 1018。"),
    ("zh-Hans", "本园每年4～6月举办花展，开放时间为8:30–18:00，2024—2025年度共接待游客"
                "约12〜15万人次，较2023–24年度增加，咨询电话3921 4470。"),
])
def test_a_chinese_paragraph_never_breaks_a_range_at_its_dash(language, text):
    """The writer breaks a Chinese paragraph where the renderer may start a line in the text
    it is given, whose word joiners bind a range's dash to its figures (clreq: 不可分割):
    `1～` over `3月` had been set, Pango alone breaking on either side of the dash."""
    from pipeline.model import Span
    from pipeline.writers.grid_lines import line_starts

    dashes = [match.start() for match in FIGURE_RANGE_DASH.finditer(text)]
    assert len(dashes) >= 4
    starts = line_starts(text, (Span(text),), language)
    assert [text[start - 1:start + 1] for start in starts
            if start in dashes or start - 1 in dashes] == []
    telephone = re.search(r"\d{4} (\d{4})", text)
    assert telephone.start(1) not in starts  # nor a telephone number at its space
    assert dashes[0] - 1 in starts  # the range may start a line, whole


@pytest.mark.slow
def test_a_line_whose_last_character_went_over_with_two_closing_marks_is_spread(tmp_path):
    """`到。」` may not part (no line starts with a closing mark): the three go over
    together, and the line they leave, some three characters short, is spread between its
    characters to the measure like any other, not left short in a justified paragraph."""
    path = TEXTS / "harbourfront-authority-chairman.txt"
    document = read_scraped(path, load_metadata(path.with_suffix(".toml"), LAYOUTS))[0]
    layout = load_layout(ROOT / "layouts", "print").for_language(document.metadata.language)
    pdf = tmp_path / "print.pdf"
    pdf.write_bytes(render_pdf(document, layout, TEXTS))
    lines = [(page, line) for page, line in words_by_line(pdf, pages=True) if line]
    page, before = next((page, line) for page, line in lines
                        if line[-1][2].endswith("而家一出門口就"))
    # The page's measure: where most of its lines end (pages face each other).
    measure = Counter(round(line[-1][1], 1) for number, line in lines
                      if number == page).most_common(1)[0][0]
    assert measure - before[-1][1] < 0.5


SUMS = [  # (title, text, how the line before the sum ends, the sum)
    ("董事长致辞", "公司始终坚持以技术创新为核心驱动力，与多所高校共建联合实验室，在高效电池、储能热管理等领域"
     "形成了较为完整的技术储备，并持续加大研发投入，推动产品迭代升级，为客户创造更大价值。\n\n"
     "（二）循环经济\n\n我们与上下游企业共建“零废工厂”联盟，全年回收利用废旧包装材料4,300吨。",
     "材料", "4,300"),
    # Some four and a half characters: a line before it had been left short, at the edge of
    # what a line might lack.
    ("工作报告", "2023年是全面贯彻党的二十大精神的开局之年。一年来，基金会坚持“公益为民、透明规范”的宗旨，"
     "全年募集善款1.2亿元，同比增长35%；公益支出9,860万元，占上年度总收入的82.6%，超过《基金会"
     "管理条例》规定的70%。", "支出", "9,860"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("title", "text", "ending", "figure"), SUMS)
def test_a_line_before_a_figure_and_its_unit_is_spread_its_figures_kept_whole(
        tmp_path, title, text, ending, figure):
    """A figure and its unit no break parts (clreq 3.1.7: "4,300吨", "9,860万元") may leave
    the line before them four characters short or more: it is spread between its Chinese
    characters to the measure, as any short line is, not left with a hole; a line holding
    figures keeps them unspaced."""
    (tmp_path / "sums.toml").write_text(f'title = "{title}"\nlanguage = "zh-CN"\n',
                                        encoding="utf-8")
    _, pdfs = scraped_editions(tmp_path, "sums", f"{title}\n\n{text}", ["print"])
    size = load_layout(ROOT / "layouts", "print").body_size_pt
    lines = [line for line in words_by_line(pdfs["print"]) if line]
    full = max(line[-1][1] for line in lines)
    (before,) = [line for line in lines if "".join(word[2] for word in line).endswith(ending)]
    assert full - before[-1][1] < 0.5 * size
    (after,) = [line for line in lines if "".join(word[2] for word in line).startswith(figure)]
    assert after[0][2].startswith(figure)  # one word: its figures not spaced apart


@pytest.mark.slow
def test_a_line_holding_english_names_is_spread_over_its_spaces_too(monkeypatch):
    """A line of Chinese holding English words ("亦感謝 Ms Priya SHARMA 及 Mr Tommy", whose
    name goes on over the line's end) spreads what it lacks over its word spaces as well as
    its characters: over its few characters alone it would take more than a quarter of one
    each, and it had been left short in a justified paragraph. The paragraph is set with one
    character more before the names at a time, a line's worth, so that such a line comes
    whatever the faces' widths; and broken line by line, as the renderer breaks a note's
    (the writer breaks a paragraph as a whole, its lines sharing what such a line lacks)."""
    from weasyprint.layout.inline import count_expandable_spaces

    from pipeline.writers import html
    from pipeline.writers.pdf import justification

    monkeypatch.setattr(html, "on_grid", lambda *arguments: {})

    spread, seen = justification.spread, []

    def watched(line, block, spread_by, *settings):
        """`spread`, each line holding word spaces noted: what it lacked in ems, its
        characters and spaces sharing that, and what it lacks after."""
        text = "".join(box.text for box in justification.text_boxes(line))
        spaces = count_expandable_spaces(line)
        if spaces and re.search(spread_by, text):
            justification.unjustified(line)
            size, end = block.style["font_size"], block.content_box_x() + block.width
            lacking = (end - justification.line_end(line)) / size
            characters = (len(justification.SPREAD_CHARACTER.findall(text))
                          - bool(justification.SPREAD_CHARACTER.match(text[-1])))
            spread(line, block, spread_by, *settings)
            seen.append((lacking, characters, spaces, end - justification.line_end(line)))
        else:
            spread(line, block, spread_by, *settings)

    monkeypatch.setattr(justification, "spread", watched)
    layout = load_layout(ROOT / "layouts", "print")
    needing_spaces = []
    for more in range(32):
        seen.clear()
        text = (f"鳴謝\n\n本館衷心感謝{'各界' * (more // 2)}{'人' * (more % 2)}支持兒童閱讀角的翻新"
                "工程；亦感謝 Ms Priya SHARMA 及 Mr Tommy LEUNG Chi-keung 兩位義工統籌，帶領超過"
                "三百名義工，全年服務逾一萬小時，為讀者舉辦講座及工作坊。")
        document, _ = scraped_document("x", text, Metadata(title="", language="zh-HK"))
        render_pdf(document, layout, ROOT)
        needing_spaces += [after for lacking, characters, spaces, after in seen
                           if lacking / characters > justification.WIDEST_GAP
                           >= lacking / (characters + spaces)
                           and lacking <= justification.WIDEST_SPREAD]
    assert needing_spaces
    assert max(needing_spaces) < 0.5  # each reaches the measure


QUOTING = [  # (the document's language, a paragraph quoting Chinese, the quotation)
    ("zh-HK", "The chairman said: 「這條長廊屬於每一位市民。」 The walk belongs to everyone, and "
     "the council will keep it open at all hours for walkers, runners and anglers alike.",
     "「這條長廊屬於每一位市民。」"),
    ("zh-HK", "Our patron wrote to the staff in March: 「書香滿城，人人受益。」 She thanked the "
     "volunteers who kept the reading rooms open through the long repairs of the east wing.",
     "「書香滿城，人人受益。」"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("language", "paragraph", "quotation"), QUOTING)
def test_an_english_line_quoting_chinese_is_justified_over_its_word_spaces(
        tmp_path, language, paragraph, quotation):
    """A paragraph written in English in a Chinese text, quoting a Chinese sentence, is a
    paragraph of words: its lines take what they lack on their word spaces, the quotation
    one word (or two, broken over a line's end) read whole, where `pdftotext` had read
    `「 這 條 長 廊 …`, a character a word; and each of its lines but the last still reaches
    the measure."""
    (tmp_path / "quoting.toml").write_text(f'title = "鳴謝"\nlanguage = "{language}"\n',
                                           encoding="utf-8")
    text = f"鳴謝\n\n本館衷心感謝各界人士支持兒童閱讀角的翻新工程。\n\n{paragraph}"
    _, pdfs = scraped_editions(tmp_path, "quoting", text, LAYOUTS)
    for layout, pdf in pdfs.items():
        lines = [line for line in words_by_line(pdf) if line]
        measure = max(line[-1][1] for line in lines)
        english = [line for line in lines if re.search("[A-Za-z]", line[0][2] + line[-1][2])]
        words = [word[2] for line in english for word in line]
        assert quotation in "".join(words), (layout, words)
        assert not [word for word in words if re.fullmatch(CHINESE.phrase, word)
                    and len(word) == 1], (layout, words)
        for line in english[:-1]:
            assert measure - line[-1][1] < 0.5, (layout, line)


EDGES = {  # (language, title): a paragraph opening with a figure (1,250名), whose sum (約12,480萬元,
    # which no break parts) and closing marks before an opening one (」（, ”（) are made to
    # fall at each place of a line
    ("zh-HK", "長者服務"): lambda more: (
        f"1,250名長者{'各區' * (more // 2)}{'的' * (more % 2)}參加講座，總開支約12,480萬元；"
        "本會於年內推出「長者數碼共融計劃」（第二期），另有《社區關懷手冊》（修訂本）派發予"
        "各區義工，並於38個屋邨舉辦講座，協助長者使用網上服務。"),
    ("zh-CN", "社区服务"): lambda more: (
        f"1,250名长者{'各区' * (more // 2)}{'的' * (more % 2)}参加讲座，总开支约12,480万元；"
        "本会于年内推出“长者数码共融计划”（第二期），另有《社区关怀手册》（修订本）派发给"
        "各区志愿者，并在38个小区举办讲座，协助长者使用网上服务。"),
}


@pytest.mark.slow
@pytest.mark.parametrize(("language", "title"), EDGES)
def test_every_chinese_line_ends_within_the_measure(tmp_path, language, title):
    """A line spread between its characters ends at the measure, in every edition: one
    opening with a figure, before a sum that goes over whole (its first character spaced
    half a share before, as Pango spaces each character, half on either side), had ended
    half a share past it; one ending with a closing mark halved against the opening mark
    the break set on the next line ends with the mark's whole em at the measure, where it
    had ended its blank half past it; and one that fits only with that mark halved (clreq
    3.1.6) keeps the mark's ink inside."""
    (tmp_path / "edges.toml").write_text(f'title = "{title}"\nlanguage = "{language}"\n',
                                         encoding="utf-8")
    sweep = EDGES[(language, title)]
    text = "\n\n".join([title, *(sweep(more) for more in range(40))])
    document, pdfs = scraped_editions(tmp_path, "edges", text, LAYOUTS)
    for name, pdf in pdfs.items():
        report = preflight(pdf, document, load_layout(ROOT / "layouts", name), tmp_path)
        (within,) = [check for check in report.checks if check.rule == "within-text-area"]
        assert within.passed, (name, within.message)


# Paragraphs each holding, late on, a piece no break parts (an address in brackets with the
# marks after it, percentages in brackets, a sum with its units, a Latin name), swept a
# character at a time so that in some the piece comes at a line's end in every edition.
SHARED = {
    ("zh-HK", "年度報告"): lambda more: (
        f"本會{'今年' * (more // 2)}{'於' * (more % 2)}全面檢討各區社區中心的服務，並聯同地區團體舉辦多項活動，"
        "讓不同年齡的居民都能參與其中。檢討期間，我們亦收集了逾二千份問卷，分析居民對開放時間、"
        "設施及課程的意見，並據此調整來年的工作計劃。完整的檢討報告已上載至本會網頁"
        "（www.community-centre.org.hk/tc/review2025.html）。"),
    ("zh-HK", "問卷結果"): lambda more: (
        f"問卷{'結果' * (more // 2)}{'的' * (more % 2)}顯示，居民最常使用的設施依次為圖書室、"
        "活動室及電腦室，而最受歡迎的課程則包括太極、書法及攝影。至於希望增加的服務，"
        "受訪者的選擇分別為長者陪診（41%）、功課輔導（27%）、家居維修（18%）及其他（6%）；"),
    ("zh-CN", "财务概况"): lambda more: (
        f"本年度{'基金会' * (more // 3)}{'的' * (more % 3)}各项工作稳步推进，筹款渠道进一步拓宽，"
        "月捐人数较上年增长近三成，企业合作项目亦有所增加。在支出方面，我们严格执行预算管理，"
        "项目支出占总支出的比例保持在九成以上，全年用于乡村学校图书室建设的支出共计4,320万元。"),
    ("zh-HK", "夥伴計劃"): lambda more: (
        f"本年度{'我們' * (more // 2)}{'亦' * (more % 2)}與多間初創企業合作，推動長者使用智能家居"
        "產品，並在三個屋邨試行上門安裝及教學服務。計劃得到區內商戶及義工的支持，參加人數超出"
        "預期，下一期將擴展至更多地區。計劃的技術夥伴來自Cyberport Startup Alumni Programme。"),
}


def set_glyphs(pdf: Path) -> list:
    """The glyphs of `pdf`'s running text, in the order they are drawn: those of the size most
    of its glyphs take (not its running heads', folios' or headings')."""
    import pikepdf

    from pipeline.pdf.glyphs import TEXT_OPERATORS, page_glyphs
    from pipeline.pdf.pages import Content

    with pikepdf.open(pdf) as opened:
        glyphs = [glyph for page in opened.pages
                  for glyph in page_glyphs(Content.read(page, page.obj, {}, TEXT_OPERATORS))]
    size = Counter(round(glyph.size, 1) for glyph in glyphs).most_common(1)[0][0]
    return [glyph for glyph in glyphs if round(glyph.size, 1) == size]


def spreads(glyphs: list) -> list[tuple[float, str]]:
    """How far apart, in ems beyond their own width, each two Chinese characters stand that
    follow each other on a line (a character, not a mark, each), with the two."""
    return [((after.x - before.x) / before.size - 1, before.text + after.text)
            for before, after in zip(glyphs, glyphs[1:], strict=False)
            if abs(before.y - after.y) < 1 and re.fullmatch(CHARACTER, before.text + after.text)]


def swept_editions(tmp_path: Path, name: str, language: str, title: str,
                   paragraphs: list[str], layouts: list[str]) -> tuple[list[str], dict]:
    """A text `name` titled `title` in `language` (its metadata beside it), of `paragraphs`,
    built in `layouts`: the paragraphs, and each layout's PDF."""
    (tmp_path / f"{name}.toml").write_text(f'title = "{title}"\nlanguage = "{language}"\n',
                                           encoding="utf-8")
    _, pdfs = scraped_editions(tmp_path, name, "\n\n".join([title, *paragraphs]), layouts)
    return paragraphs, pdfs


CHARACTER = "[\u4e00-\u9fff]{2}"
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.slow
@pytest.mark.parametrize(("language", "title"), SHARED)
def test_a_line_before_a_piece_no_break_parts_shares_what_it_lacks(tmp_path, language, title):
    """A Chinese paragraph is broken as a whole (clreq 3.8): the line before an address in
    brackets, percentages in brackets, a sum with its units or a Latin name, which no break
    parts, no longer takes alone the characters it lacks, spread a fifth of an em or more
    between its characters, visibly (and read by a text extractor as spaces): the lines
    before it share them, none spread more than about a tenth of an em; and every line
    reads back whole, its pieces unparted."""
    from .support import squash

    paragraphs, pdfs = swept_editions(tmp_path, "shared", language, title,
                                      [SHARED[(language, title)](more) for more in range(40)],
                                      LAYOUTS)
    for name, pdf in pdfs.items():
        glyphs = set_glyphs(pdf)
        widest = max(spreads(glyphs))
        # About a tenth of an em; up to a third more where the paragraph takes a line more
        # than its characters fill, its lines lacking whole characters on the grid.
        assert widest[0] < 0.15, (name, widest)
        # Large print's running heads (the title and the folio) are of the body's size.
        read = re.sub(f"{title}\\d+", "", squash("".join(glyph.text for glyph in glyphs)))
        for paragraph in paragraphs:
            assert squash(paragraph) in read, (name, paragraph)


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["screen", "large-print"])
def test_a_chinese_paragraph_broken_over_lines_reads_as_written(editions, layout):
    """The writer's line ends between Chinese characters are breaks only: each paragraph's
    text in the tag tree, as a screen reader and a search read it, is the paragraph's own,
    no space where a line ended in mid-word."""
    import pikepdf

    pdf, document, _ = editions[layout]
    written = [block.text for block in document.blocks
               if isinstance(block, Paragraph) and HAN.search(block.text)]
    with pikepdf.open(pdf) as opened:
        texts = marked_texts(opened)
        read = {element_text(element, texts) for element in
                structure_elements(opened.Root.StructTreeRoot) if element.S == "/P"}
    long = [text for text in written if len(text) > 100]  # broken over several lines
    assert long
    assert [text for text in long if text not in read] == []


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["screen", "large-print"])
def test_chinese_lines_kept_as_lines_read_with_nothing_added(tmp_path, layout):
    """Lines kept as lines in Chinese (a sign-off's role over the name, contact lines) read
    in the tag tree as written, nothing after a line ending in a Chinese character before
    one opening with one: each had read with a space after it (`主席 `, `潘樂勤 `), which the
    text does not hold."""
    import pikepdf

    from pipeline.model import Document, LineBlock, Span

    document = Document("notice", Metadata(title="海濱公園通告", language="zh-HK"), None, (
        Paragraph((Span("本園將於下月起延長開放時間，歡迎市民前來參觀。"),)),
        LineBlock(((Span("查詢"),), (Span("公園管理處"),), (Span("電話：2345 6789"),),
                   (Span("園長"),))),))
    layout_ = load_layout(ROOT / "layouts", layout).for_language("zh-HK")
    pdf = tmp_path / "notice.pdf"
    pdf.write_bytes(render_pdf(document, layout_, TEXTS))
    with pikepdf.open(pdf) as opened:
        texts = marked_texts(opened)
        read = [element_text(element, texts) for element in
                structure_elements(opened.Root.StructTreeRoot) if element.S == "/P"]
    assert [text for text in read if text.rstrip() in ("查詢", "公園管理處", "園長")] == [
        "查詢", "公園管理處", "園長"]


@pytest.mark.slow
def test_no_chinese_line_ends_with_a_space_in_print(editions):
    """Nor is a space drawn at the end of a paragraph's line in print that ends between two
    Chinese characters: its last glyph is its last character (one ending at a space, before
    a Latin word, draws that space, as a sign-off's line before the next does)."""
    import pikepdf

    from pipeline.pdf.glyphs import TEXT_OPERATORS, page_glyphs
    from pipeline.pdf.pages import Content

    with pikepdf.open(editions["print"][0]) as opened:
        lines = [line for page in opened.pages for line in glyph_lines(
            page_glyphs(Content.read(page, page.obj, {}, TEXT_OPERATORS)))]
    ends = ["".join(glyph.text for glyph in line[-2:]) + after[0].text
            for line, after in zip(lines, lines[1:], strict=False)]
    assert any(HAN.fullmatch(end[-1]) for end in ends)
    written = "\n".join(block.text for block in editions["print"][1].blocks
                         if isinstance(block, Paragraph))
    assert [end for end in ends if re.fullmatch(f"{HAN.pattern} {HAN.pattern}", end)
            and end.replace(" ", "") in written] == []


def glyph_lines(glyphs) -> list[list]:
    """A page's glyphs, one list a line (those drawn one after another on one baseline)."""
    lines: list[list] = []
    for glyph in glyphs:
        if lines and abs(lines[-1][-1].y - glyph.y) < 1:
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    return lines


# Paragraphs opening with an English name of several words, which a line's end may part only
# at its spaces: the line holding it has few characters to spread what it lacks over, and
# no breaking may set it within the limit. Swept a character at a time so that the name
# falls at a line's end in some, in every edition.
LOOSE = {
    ("zh-HK", "合作夥伴"): lambda more: (
        f"本年度{'我們' * (more // 2)}{'亦' * (more % 2)}與Riverside Heritage Foundation及Eastern "
        "Coastal Wildlife Society合作推出「海岸同行」計劃，於每年4～6月及10～12月舉辦兩期導賞，"
        "每期為期八週，逢星期六於西貢海濱道的海景中心進行。計劃首年共培訓導賞員860名，"
        "服務時數合共達21,400小時，相當於約HK$2,150,000的社會價值。"),
    ("zh-CN", "合作伙伴"): lambda more: (
        f"今年{'我们' * (more // 2)}{'还' * (more % 2)}与Northern Plains Agricultural Research "
        "Institute及Golden Valley Seed Cooperative共同开展“良种下乡”项目，在三个县建立示范田，"
        "培训农户一千二百余人次，并邀请专家每月下乡指导，帮助农户掌握科学种植方法。项目带动"
        "粮食平均增产约12.5%，受到当地政府和农户的一致好评，社会价值显著。"),
}


@pytest.mark.slow
@pytest.mark.parametrize(("language", "title"), LOOSE)
def test_a_paragraph_no_breaking_sets_within_the_limit_has_every_line_spread(
        tmp_path, language, title):
    """Where one line of a Chinese paragraph cannot be set within the limit (a line of few
    characters holding a long English name), the paragraph is still broken as a whole, as
    well as it allows, and every line but its last is spread to the measure: it had been
    broken line by line, each as full as it went, the line before the name left short in
    mid-paragraph (reading as the paragraph's end), a line after it spread alone."""
    _, pdfs = swept_editions(tmp_path, "loose", language, title,
                             [LOOSE[(language, title)](more) for more in range(12)],
                             ["print", "screen"])
    for name, pdf in pdfs.items():
        lines = [(page, line) for page, line in words_by_line(pdf, pages=True)
                 if line and not "".join(word[2] for word in line).startswith(title)
                 and not line[0][2].isdigit()]  # nor the running head nor the folio
        ends = {page: Counter(round(line[-1][1], 1) for number, line in lines
                              if number == page).most_common(1)[0][0] for page, _ in lines}
        short = ["".join(word[2] for word in line) for page, line in lines
                 if ends[page] - line[-1][1] > 0.5
                 and not "".join(word[2] for word in line).endswith("價值。")
                 and not "".join(word[2] for word in line).endswith("显著。")]
        assert short == [], name


# Paragraphs holding English phrases of several words inside Chinese sentences, swept a
# character at a time so that lines holding a phrase lack a little and a lot in each edition.
PHRASES = {
    ("zh-HK", "設施更新"): lambda more: (
        f"本年度{'我們' * (more // 2)}{'亦' * (more % 2)}聯同Eastern District Sports Council及"
        "Lantau Island Trail Runners舉辦多項活動，並於館內引入Smart Energy Monitoring System，"
        "全年節省用電約一成，詳情載於Annual Facilities Review第三章。"),
    ("zh-CN", "项目进展"): lambda more: (
        f"今年{'我们' * (more // 2)}{'还' * (more % 2)}与Western Valley Water Trust及Green Roof "
        "Builders Alliance合作，在园区推广Rainwater Harvesting Design，并依照Urban Drainage "
        "Manual的要求完成全部验收，节约用水约两成。"),
}


def glyph_gaps(line: list) -> tuple[list[float], list[float], list[float]]:
    """A line's word spaces between Latin letters, its gaps between a Chinese character and
    a Latin letter, and its Chinese characters' spacing, each in ems beyond their width."""
    letters = [glyph for glyph in line if glyph.text.strip()]
    spaced = {index for index, glyph in enumerate(line) if glyph.text == " "}
    words, edges, characters = [], [], []
    for before, after in zip(letters, letters[1:], strict=False):
        gap = (after.x - before.end) / before.size
        pair = before.text + after.text
        if re.fullmatch("[A-Za-z]{2}", pair) and any(
                line.index(before) < index < line.index(after) for index in spaced):
            words.append(gap)
        elif re.fullmatch(f"{HAN.pattern}[A-Za-z]|[A-Za-z]{HAN.pattern}", pair):
            edges.append(gap)
        elif re.fullmatch(CHARACTER, pair):
            characters.append(gap)
    return words, edges, characters


def swept_gaps(tmp_path, name, language, title, paragraphs) -> dict[str, list[tuple]]:
    """Each edition's lines of the paragraph `paragraphs[(language, title)]` swept a
    character at a time (16 lengths), as their gaps (glyph_gaps: word spaces, Chinese–Latin
    edges, between characters)."""
    _, pdfs = swept_editions(tmp_path, name, language, title,
                             [paragraphs[(language, title)](more) for more in range(16)],
                             LAYOUTS)
    return {edition: [glyph_gaps(line) for line in glyph_lines(set_glyphs(pdf))]
            for edition, pdf in pdfs.items()}


@pytest.mark.slow
@pytest.mark.parametrize(("language", "title"), PHRASES)
def test_a_line_holding_english_words_widens_their_spaces_before_its_characters(
        tmp_path, language, title):
    """A Chinese line holding an English phrase takes what it lacks on the phrase's word
    spaces first, up to the layout's widest English word space, then on the gaps between
    its Chinese and English, up to a quarter of an em, and only then between its Chinese
    characters (clreq 3.8): its characters had been spread as much as its word spaces, the
    English phrase pinched against widened Chinese."""
    from pipeline.writers.pdf.justification import WIDEST_LATIN_GAP

    for name, lines in swept_gaps(tmp_path, "phrases", language, title, PHRASES).items():
        widest = load_layout(ROOT / "layouts", name).for_language(
            language).justification.space_max_em
        spread_lines = 0
        for words, edges, characters in lines:
            if words and max(characters, default=0) > 0.01:  # its characters spread
                spread_lines += 1
                assert min(words) > widest - 0.01, (name, words, characters)
                assert min(edges, default=1) > WIDEST_LATIN_GAP - 0.01, (name, edges)
            assert max(words, default=0) < widest + 0.01, (name, words)
        assert spread_lines, name


# Paragraphs whose English is single words beside Chinese characters (abbreviations, a
# product's name), no word space on any line, swept a character at a time as PHRASES are.
WORDS = {
    ("zh-HK", "長者課程"): lambda more: (
        f"本中心{'今年' * (more // 2)}{'亦' * (more % 2)}參考WHO的指引，聯同NGO夥伴為長者開設"
        "iPad班，並透過WhatsApp群組發放通告，學員人數較去年增加約三成，課後亦可借用"
        "Kindle閱讀電子書，反應熱烈。"),
    ("zh-CN", "编程课程"): lambda more: (
        f"学校{'今年' * (more // 2)}{'还' * (more % 2)}依照OECD的框架，与UNICEF合作开设编程课，"
        "学生使用Scratch和Python完成作业，并在微信群分享成果，参与人数较去年增加约四成，"
        "部分作品已在GitHub上公开。"),
}


@pytest.mark.slow
@pytest.mark.parametrize(("language", "title"), WORDS)
def test_a_line_holding_single_english_words_widens_their_edges_before_its_characters(
        tmp_path, language, title):
    """A Chinese line whose English is single words, with no word space, takes what it lacks
    on the gaps between its Chinese and English first, up to a quarter of an em, and only
    then between its Chinese characters (clreq 3.8), as a line holding a phrase does: those
    gaps had taken no more than every character's share."""
    from pipeline.writers.pdf.justification import WIDEST_LATIN_GAP

    for name, lines in swept_gaps(tmp_path, "words", language, title, WORDS).items():
        spread_lines = 0
        for words, edges, characters in lines:
            if edges and not words and max(characters, default=0) > 0.01:
                spread_lines += 1
                assert min(edges) > WIDEST_LATIN_GAP - 0.01, (name, edges, characters)
        assert spread_lines, name
