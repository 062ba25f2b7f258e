"""Chinese pages as copied out of a WeChat article, a Taiwan foundation's site and a Macau
newsletter: their furniture dropped, their captions, section numbers, letters' closings and
full-width gaps read as their authors meant them."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.model import Heading, List, Metadata, Paragraph, SignOff, Span, plain
from pipeline.readers.cleaning import clean_line, reading_in
from pipeline.readers.scraped import scraped_document

NBSP = "\u00a0"
BODY = "今天，我们在这里隆重举行开学典礼，热烈欢迎新同学加入这个大家庭！"


def read(text: str, language: str = "zh-Hans", **metadata):
    return scraped_document("piece", text, Metadata(title="", language=language, **metadata))


def test_a_wechat_articles_credits_pictures_and_end_mark_are_its_furniture():
    """WeChat's credit lines parted by bars, the word it leaves where each picture stood, a
    caption pointing up to its picture, and "— THE END —": credits and marks dropped, each
    caption a figure's though written once, each section's number one with its heading."""
    text = "\n".join([
        "校长说｜开学第一课", "来源 | 党委宣传部", "摄影 | 王磊 李想 陈一帆", NBSP, "图片",
        "▲2024级新生开学典礼现场（摄影：王磊）", BODY, "01", "在不确定的时代，做确定的事", BODY,
        "图片", "▲学生在图书馆自习（图源网络）", "02", "在喧嚣的时代，守住内心的安静", BODY,
        "谢谢大家！", "— THE END —", "编辑 | 陈晨", "责编 | 刘洋", "图片来源 | 党委宣传部 图源网络"])
    document, report = read(text)
    assert document.metadata.title == "校长说｜开学第一课"
    assert [(type(block).__name__, plain(getattr(block, "caption", ())) or block.text)
            for block in document.blocks] == [
        ("Figure", "2024级新生开学典礼现场（摄影：王磊）"), ("Paragraph", BODY),
        ("Heading", "01\u3000在不确定的时代，做确定的事"), ("Paragraph", BODY),
        ("Figure", "学生在图书馆自习（图源网络）"),
        ("Heading", "02\u3000在喧嚣的时代，守住内心的安静"), ("Paragraph", BODY),
        ("Paragraph", "谢谢大家！")]
    dropped = " ".join(drop["text"] for drop in report["dropped"])
    for line in ("来源 | 党委宣传部", "图片", "THE END", "图片来源 | 党委宣传部 图源网络"):
        assert line in dropped


def test_a_taiwan_sites_furniture_goes_and_its_letter_closes_as_written():
    """A Taiwan site's access keys (":::"), its type sizes, printer-friendly and back links,
    its count of readers and update date, and its footer from the address over its
    telephone: the title is the page's, the closing wish, addressee and salute stand at the
    left, the signature (its full-width gaps kept) signs."""
    text = "\n".join([
        ":::", "首頁 > 關於我們 > 董事長的話", "字級：小 中 大", "友善列印", "回上一頁", "董事長的話",
        "瀏覽人次：3,482", "更新日期：113-12-20", "敬啟者：",
        "　　時序入冬，謹向各位捐款人、志工夥伴及合作單位致上最誠摯的問候。",
        "　　最後，再次感謝您長期的支持與信任。", "　　此致", "各位捐款人及志工夥伴", "敬禮",
        "財團法人心橋社會福利基金會", "董事長　林明德　敬上", "中華民國一一三年十二月二十日", ":::", "回頁首",
        "地址：100臺北市中正區重慶南路一段99號5樓　電話：(02)2345-6789　傳真：(02)2345-6790",
        "服務時間：週一至週五 09:00-18:00"])
    document, _ = read(text, "zh-Hant-TW")
    assert document.metadata.title == "董事長的話"
    assert [block.text for block in document.blocks[:-1]] == [
        "敬啟者：", "時序入冬，謹向各位捐款人、志工夥伴及合作單位致上最誠摯的問候。",
        "最後，再次感謝您長期的支持與信任。", "此致", "各位捐款人及志工夥伴", "敬禮"]
    assert document.blocks[-1] == SignOff(tuple(
        (span,) for span in read_spans("財團法人心橋社會福利基金會", "董事長\u3000林明德\u3000敬上",
                                       "中華民國一一三年十二月二十日")))


def read_spans(*lines: str) -> list[Span]:
    return [Span(line) for line in lines]


def test_a_full_width_gap_beside_chinese_is_kept_and_a_telephone_number_as_written():
    """U+3000 between a chapter's number and its title, or between a telephone number and
    the next field, is the author's gap: a space there would have been dropped beside the
    figure. A telephone number keeps its half-width brackets and its groups (no space beside
    the Chinese round it, the house style's)."""
    with reading_in("zh-HK"):
        assert clean_line("第二章\u3000勞資關係") == "第二章\u3000勞資關係"
        assert clean_line("電話：2345-6789\u3000傳真：2345-6790") == (
            "電話：2345-6789\u3000傳真：2345-6790")
        # Its groups as written; set against the Chinese round it, as any figure is.
        assert clean_line("歡迎致電 (853) 2833 1234 或電郵") == "歡迎致電(853) 2833 1234或電郵"
        assert clean_line("Our\u3000office") == "Our office"  # between English words, a space


def test_a_signature_naming_a_doctor_in_english_signs():
    """"Dr." in a bilingual name is a title's full stop, no sentence's end: the role, name
    and date under the closing wish are the signature, the title bound to the name as
    English sets one."""
    text = "\n".join(["會長的話", "", "各位會員：", "", "本會共服務8,472人次，較上年度增加12.5%。", "",
                      "祝 身體健康、生活愉快！", "", "會長", "李健文博士 Dr. Lei Kin Man", "2024年4月18日"])
    document, _ = read(text, "zh-MO")
    assert document.blocks[-1] == SignOff(tuple(
        (span,) for span in read_spans("會長", "李健文博士 Dr.\u00a0Lei Kin Man", "2024年4月18日")))


def test_sections_numbered_alike_are_headings_over_a_list_or_a_paragraph():
    """"（一）" over a list numbered "1." and "（二）" over a paragraph: both its section's
    headings, as the next one numbered alike heads its own text."""
    text = "\n".join([
        "一、概覽", "年內，本科處理的勞資糾紛及申索個案共14,216宗。", "", "二、主要工作", "（一）調解服務", "1. 本科在全港設有六個辦事處，提供免費調解服務。",
        "2. 平均輪候時間為4.8個星期，符合服務承諾。", "（二）推廣良好僱傭措施",
        "1. 本科年內舉辦了28場僱主研討會。", "2. 本科亦更新了《僱傭條例簡明指南》。", "（三）處理大型勞資糾紛",
        "年內本科處理了12宗大型勞資糾紛，當中9宗獲得解決。"])
    document, _ = read("第二章\u3000勞資關係\n\n" + text, "zh-HK")
    kinds = [(type(block).__name__, block.text if isinstance(block, Heading) else "")
             for block in document.blocks]
    assert kinds == [("Heading", "一、概覽"), ("Paragraph", ""), ("Heading", "二、主要工作"), ("Heading", "（一）調解服務"), ("List", ""),
                     ("Heading", "（二）推廣良好僱傭措施"), ("List", ""),
                     ("Heading", "（三）處理大型勞資糾紛"), ("Paragraph", "")]
    assert isinstance(document.blocks[4], List) and isinstance(document.blocks[-1], Paragraph)


def test_a_speech_greeting_several_stands_at_the_left_and_greets_the_hall_indented():
    """A speech addresses several at once ("亲爱的…同学们，各位老师，…朋友们："), at the left
    (顶格), as a letter's addressee is; its greeting to the hall by the time of day on the
    next line ("大家上午好！") opens its text, two characters in, as a Chinese speech or
    letter sets 问候语 (it had stood at the left too); so in a letter ("各位會員及家屬：" over
    "大家好！")."""
    from pipeline.writers.flush import flush_left, greetings

    said = ("亲爱的2024级新同学们，各位老师，各位家长朋友们：", "大家上午好！")
    text = "\n\n".join(["校长致辞", *said, BODY])
    document, _ = read(text)
    assert [block.text for block in document.blocks] == [*said, BODY]
    assert 0 in flush_left(document.blocks) and 1 not in flush_left(document.blocks)
    assert greetings(document.blocks) == {0}
    letter = (Paragraph((Span("各位會員及家屬："),)), Paragraph((Span("大家好！"),)),
              Paragraph((Span(BODY),)))
    assert greetings(letter) == {0} and 1 not in flush_left(letter)
    english = (Paragraph((Span("Dear members,"),)), Paragraph((Span("Good morning!"),)))
    assert greetings(english) == {0, 1}


@pytest.mark.parametrize("greeting", ["梁主席（梁志明教授）、各位嘉賓、各位朋友：",
                                      "陳校長（陳大文博士）、各位老師、各位同學："])
def test_a_greeting_naming_the_chair_in_brackets_stands_at_the_left(greeting):
    """A speech greeting its chair by title, the name in brackets after it, then the hall
    (it had been indented as a paragraph, where `主席、各位嘉賓：`
    stands at the left, 頂格); a sentence naming one so (`梁主席（梁志明教授）表示：`) is none."""
    from pipeline.writers.flush import flush_left, greetings

    document, _ = read("\n\n".join(["致辭", greeting, "大家早上好！", BODY]))
    assert document.blocks[0].text == greeting
    assert greetings(document.blocks) == {0} and 0 in flush_left(document.blocks)
    said = (Paragraph((Span("梁主席（梁志明教授）表示："),)), Paragraph((Span(BODY),)))
    assert greetings(said) == frozenset()


def test_a_masthead_naming_the_organisation_in_two_languages_is_the_openers():
    """The organisation the metadata names, beside its English name, over a newsletter's
    issue line: the opener prints the organisation, and the masthead is no title."""
    text = "\n\n".join(["澳門社區關懷協會 Macau Community Care Association",
                        "會訊 Newsletter｜2024年第2期", "會長的話", "各位會員：",
                        "本會共服務8,472人次，較上年度增加12.5%。"])
    document, report = read(text, "zh-MO", organisation="澳門社區關懷協會")
    assert document.metadata.title == "會訊 Newsletter｜2024年第2期"
    assert "澳門社區關懷協會 Macau Community Care Association" in [
        drop["text"] for drop in report["dropped"]]


def test_a_poems_lines_quoted_in_a_chinese_text_are_lines():
    """`杜甫有詩云：` over three lines of verse, each of a verse line's length and ending with
    its mark (`安得廣廈千萬間，` …), in a text whose paragraphs are a line each: lines, kept as
    the poet broke them (they had run into one sentence); the paragraph after them is its
    own."""
    from pathlib import Path

    from pipeline.model import LineBlock
    from pipeline.readers.scraped import read_scraped

    path = Path(__file__).parent / "texts" / "reports" / "ngo-chairman-verse-zh.txt"
    document, _ = read_scraped(path, Metadata(title=""))
    (verse,) = [block for block in document.blocks if isinstance(block, LineBlock)
                and plain(block.lines[0]).startswith("安得")]
    assert [plain(line) for line in verse.lines] == [
        "安得廣廈千萬間，", "大庇天下寒士俱歡顏，", "風雨不動安如山。"]
    after = document.blocks[document.blocks.index(verse) + 1]
    assert after.text == "這份願望，今天仍然是我們的目標。"


def test_a_long_running_head_over_each_folio_goes_and_the_headings_under_it_stay():
    """A PDF's running head too long for furniture alone (a company's full name and its
    report's), the same over each folio: it goes, and the chapter and section headings the
    next page opens with under the folio stay (they had gone as its furniture)."""
    head = "江北滨湖智慧水务集团股份有限公司 2025年度可持续发展报告"
    rows = [head, "21", "第四章 社区责任", "4.1 供水保障",
            "本年度集团新建及改造供水管网一百二十公里，城区管网漏损率降至百分之八点六。",
            "我们在汛期前完成全部泵站的检修，并与街道建立停水提前告知机制。",
            "集团组织员工参与社区节水宣传活动四十余场，覆盖居民约三万人次。",
            "我们还为辖区内的独居老人免费检修家用水表及管道，共计五百余户。",
            "集团在十二个社区设立便民服务点，居民可就近办理报装、缴费和报修。",
            "我们将客户热线的平均接通时间缩短至十五秒，满意度达到百分之九十六。",
            head, "22", "4.2 公益投入",
            "全年公益投入合计六百八十万元，主要用于乡村学校饮水设施改造。",
            "集团员工志愿服务总时长超过一万二千小时，比上年增加百分之二十。",
            "我们与三所职业院校合作开设水务技术课程，提供实习岗位八十个。",
            "集团设立“清水助学金”，本年度资助家庭困难学生一百五十名。",
            "我们在两个山区乡镇建设净水站，解决近四千名村民的饮水问题。",
            "集团向受台风影响的沿海村庄捐赠应急供水设备及瓶装水。",
            head, "23"]
    document, report = read("\n".join(rows))
    headings = [block.text for block in document.blocks if isinstance(block, Heading)]
    assert headings == ["4.1 供水保障", "4.2 公益投入"]
    assert document.metadata.title == "第四章 社区责任"
    assert not any("可持续发展报告" in plain(block.spans) for block in document.blocks
                   if isinstance(block, Paragraph))
    dropped = [drop["text"] for drop in report["dropped"]]
    assert dropped.count(head.replace(" ", "")) == 3


def test_a_pictures_label_in_brackets_before_its_caption_makes_a_figure():
    """A page's picture copied as its label in brackets before its caption (`［相片］ …`),
    the caption said again under it or not: a figure, its caption said once (both lines had
    been headings, the label printed, the heading under them run into one)."""
    doubled = "\n".join([
        "院長的話", "", BODY, "\u00a0", "［相片］ 院長與新生在開學禮上合照", "院長與新生在開學禮上合照",
        "\u00a0", "新學年", BODY, "", "［圖片］ 校園新建的圖書館於九月啟用", "", BODY])
    document, report = read(doubled, "zh-HK")
    assert [(type(block).__name__, plain(getattr(block, "caption", ())) or block.text)
            for block in document.blocks] == [
        ("Paragraph", BODY), ("Figure", "院長與新生在開學禮上合照"), ("Heading", "新學年"),
        ("Paragraph", BODY), ("Figure", "校園新建的圖書館於九月啟用"), ("Paragraph", BODY)]


def test_a_wechat_articles_last_picture_and_its_visitor_details_are_no_sign_off():
    """A WeChat article credited `文 | …`, ending with a picture pointed up to (`▲…`) over
    a heading and its visitor details (`展期：…`, `地点：…`): the credit's name the byline's,
    its role without the bar; the caption a figure, the heading a heading, the details its
    lines (they had been one sign-off, set flush right)."""
    text = "\n".join([
        "原创 城南文博 城南艺术馆 2025年04月02日 10:00 江苏", "\u00a0", "百年木刻 重回展厅",
        "文 | 周若溪", BODY, "图片", "▲展览开幕当天的观众", "01", "木刻的传承", BODY, "图片",
        "▲清代套色木刻年画", "观展信息", "展期：2025年4月1日—7月31日", "地点：城南艺术馆二楼展厅",
        "开放时间：周二至周日9:00—17:00", "— THE END —", "编辑 | 陈晨"])
    document, _ = read(text)
    assert (document.byline.name, document.byline.role) == ("周若溪", "文")
    assert [type(block).__name__ for block in document.blocks][-3:] == [
        "Figure", "Heading", "LineBlock"]
    assert plain(document.blocks[-3].caption) == "清代套色木刻年画"
    assert not any(isinstance(block, SignOff) for block in document.blocks)


def test_a_signature_dated_under_the_contact_lines_a_lead_in_introduces_is_one():
    """A newsletter's contact lines under `如有查詢，請聯絡：`, its chairman's title, name and
    the month right under them, no blank line between: the contact lines at the left, the
    signature a sign-off (they had been one block of lines at the left)."""
    text = "\n".join([
        "區議會通訊", "", BODY, "", "本會今年共舉辦社區活動四十二次，參加居民逾八千人次。", "",
        "如有查詢，請聯絡：", "北區區議會秘書處", "電話：(852) 2671 2345",
        "電郵：ndc@district.hk", "北區區議會主席", "黃志強", "2025年8月"])
    document, _ = read(text, "zh-HK")
    assert [type(block).__name__ for block in document.blocks][-2:] == ["LineBlock", "SignOff"]
    assert document.blocks[-1].texts == ["北區區議會主席", "黃志強", "2025年8月"]
    assert document.blocks[-2].texts[-1] == "電郵：ndc@district.hk"


def test_a_menus_section_named_as_a_body_is_not_the_pages_organisation():
    """A site's menu copied over the title, one of its links named as a body is (`新聞中心`):
    a section of the site, not its body (it had been the organisation the opener printed);
    the footer's rights holder, a trust fund (`…信託基金`), is."""
    text = "\n".join([
        "跳至主要內容", "首頁", "關於我們", "醫院服務", "新聞中心", "聯絡我們",
        "首頁 > 關於我們 > 主席報告", "主席報告", "", BODY, "",
        "本院今年共處理住院病人四萬六千人次，較上年度上升百分之六。", "", "返回頁首",
        "私隱政策 | 網站地圖", "版權所有 © 2025 九龍仁心醫療信託基金"])
    document, _ = read(text, "zh-HK")
    assert document.metadata.organisation == "九龍仁心醫療信託基金"


def test_superior_figures_after_chinese_characters_call_the_notes_they_label():
    """A Chinese report copied out of a PDF, its notes called by superior figures after a
    character or a percentage (`下降12.4%¹`, `转型风险²`) and labelled so under the text
    (`¹ 排放量按…`, or with no space, `¹「绿色工厂」…`): notes, each call a reference (they had
    been paragraphs, the figures left in the text)."""
    text = "\n".join([
        "环境责任", "", "全年温室气体排放总量较上年下降12.4%¹，主要得益于屋顶光伏项目并网发电。", "",
        "我们识别出极端天气、碳价上升等六项实体风险及转型风险²。", "", "注释：",
        "¹ 排放量按温室气体核算体系计算。", "²「风险管理」详见本报告第五章。"])
    document, _ = read(text, "zh-Hans")
    notes = [block for block in document.blocks if type(block).__name__ == "Note"]
    assert [(note.label, note.text) for note in notes] == [
        ("1", "排放量按温室气体核算体系计算。"), ("2", "「风险管理」详见本报告第五章。")]
    calls = [span.note for block in document.blocks if isinstance(block, Paragraph)
             for span in block.spans if span.note]
    assert calls == ["1", "2"]


def test_a_wechat_articles_credit_over_its_headline_is_its_byline():
    """A WeChat article whose stamp line ends `… 2024-05-16 18:30 发表于南江` and whose credit
    (`文 | 陈思远`) stands over its headline, the headline opening with a quotation mark: the
    stamp goes, the credit is the byline, the headline heads the text (the stamp had been
    a paragraph, the credit the title or a heading, the headline a paragraph)."""
    text = "\n".join([
        "原创 城南区文化旅游局 城南文旅 2024-05-16 18:30 发表于城南", "文 | 陈思远",
        "“非遗进社区”活动走进滨河街道", BODY, "不少市民表示，这样的活动让老手艺找到了新的观众。"])
    document, report = read(text)
    assert (document.byline.name, document.byline.role) == ("陈思远", "文")
    assert isinstance(document.blocks[0], Heading)
    assert document.blocks[0].text == "“非遗进社区”活动走进滨河街道"
    assert any(drop["text"].startswith("原创") for drop in report["dropped"])


def test_a_bodys_name_over_a_letters_title_run_into_its_text_is_the_organisation():
    """A body's name over the letter's title over its text, no blank line between any of
    them (a Taiwan association's letter): the organisation, and the title under it."""
    document, _ = read("\n".join([
        "社團法人臺灣竹藝文化協會", "致全體會員的一封信", "各位會員，大家好：",
        "感謝各位一年來對本會的支持。理事會決定於明年推動下列工作，特此報告。",
        "一、舉辦年會", "年會訂於明年三月舉行，地點另行通知。"]), language="zh-TW")
    assert (document.metadata.organisation, document.metadata.title) == (
        "社團法人臺灣竹藝文化協會", "致全體會員的一封信")
    assert plain(document.blocks[0].spans) == "各位會員，大家好："


@pytest.mark.parametrize("title", ["", "主席報告"])
@pytest.mark.parametrize("given", [{}, {"organisation": "海港發展局", "subtitle": "2024年報"}])
def test_the_byline_said_again_as_a_portraits_label_goes(title, given):
    """Under the byline (`海港發展局主席 陳志明`), the name and the role's word again
    (`陳志明主席`), as a page labels its portrait: the byline is the one in full, the other
    goes (either had been a heading of the text, or the byline the shorter one)."""
    text = "\n".join([
        "跳至主要內容", "主頁 > 關於我們 > 主席報告", "主席報告", "海港發展局主席 陳志明",
        "陳志明主席", "二〇二四年是本局成立的第十年。我們完成了多項海濱工程，並擴展社區參與。", "",
        "展望", "", "本局將展開新一期海濱工程的設計工作。"])
    document = scraped_document("piece", text,
                                Metadata(title=title, language="zh-HK", **given))[0]
    assert document.metadata.title == "主席報告"
    assert (document.byline.name, document.byline.role) == ("陳志明", "海港發展局主席")
    assert [type(block).__name__ for block in document.blocks] == [
        "Paragraph", "Heading", "Paragraph"]


def test_a_pictures_credit_under_its_pointed_caption_is_the_captions():
    """A picture's credit on the line under a caption pointing up to it (`▲…` over
    `图片来源：…`): the caption's last sentence, not a paragraph of the text."""
    document, _ = read("\n".join([
        "修复室开放日", BODY, "图片", "▲修复师向读者演示补纸工艺", "图片来源：江城市图书馆", BODY]))
    assert [(type(block).__name__, plain(getattr(block, "caption", ())) or block.text)
            for block in document.blocks] == [
        ("Paragraph", BODY), ("Figure", "修复师向读者演示补纸工艺。图片来源：江城市图书馆"),
        ("Paragraph", BODY)]


@pytest.mark.parametrize(("signed", "shown"), [
    ("中華民國113年12月10日", "中華民國113年12月10日"), ("2024年12月10日", "2024年12月10日"),
    ("二〇二四年十二月十日", "二〇二四年十二月十日")])
def test_the_opener_dates_a_letter_as_its_signature_does(signed, shown):
    """A Taiwan letter dated in the Republic's era under its signature: the opener prints
    the date as the letter writes it (it had printed `2024年12月10日` over a letter signed
    `中華民國113年12月10日`), as Chinese figures and dates stay as the author wrote them."""
    from pipeline.layouts import load_layout
    from pipeline.writers.html import render_html

    from .conftest import ROOT

    document, _ = read("\n".join([
        "致全體會員的一封信", "各位會員，大家好：", "感謝各位一年來對本會的支持。", "",
        "理事長　黃俊雄　敬啟", signed]), language="zh-TW")
    assert document.metadata.date == "2024-12-10"
    html = render_html(document, load_layout(ROOT / "layouts", "screen"))
    assert f'class="date">{shown}<' in html


def test_a_wechat_articles_player_collection_follow_prompt_and_reprint_notice_go():
    """A WeChat article's furniture round its headline and under its text: its player
    (`听全文`), the collection it is filed in (`收录于话题 #… 8个`), its prompt to follow the
    account and its notice on reprinting go; the headline is the title, `文 | …` under it the
    byline, the editor's credit is listed as a credit, and the credit of its pictures and
    words under the text stays a line of the text, no sign-off (the player had been the
    title, the headline and the prompt headings, the credit and the notice the signature)."""
    text = "\n".join([
        "原创 绿野读书会 2025-03-02 09:15 发表于浙江", "听全文", "收录于话题 #读书分享 8个", NBSP,
        "春天里的一场读书会", NBSP, "文 | 周若兰", "排版 | 许诺", NBSP, "点击上方蓝字 关注我们", NBSP,
        BODY, NBSP, "读书会每月举办一次，欢迎更多朋友加入。", NBSP, "图文来源：绿野读书会",
        "欢迎转载，请注明出处"])
    document, report = read(text)
    assert document.metadata.title == "春天里的一场读书会"
    assert document.byline.name == "周若兰"
    assert [(type(block).__name__, block.text) for block in document.blocks] == [
        ("Paragraph", BODY), ("Paragraph", "读书会每月举办一次，欢迎更多朋友加入。"),
        ("Paragraph", "图文来源：绿野读书会")]
    reasons = {drop["text"]: drop["reason"] for drop in report["dropped"]}
    assert reasons["排版 | 许诺"] == "web page debris: the editors the page credits"
    for line in ("听全文", "点击上方蓝字 关注我们", "欢迎转载，请注明出处"):
        assert line in reasons


RUNNING_HEAD_REPORT = (Path(__file__).parent / "texts" / "printed"
                       / "country-parks-authority-runhead-zh.txt")


def test_a_running_head_over_the_chapters_title_goes_with_the_heads_beside_its_folios():
    """A statutory body's report copied from its PDF: its running head (the body's name and
    its report's) atop the first page, right over the chapter's title, and again beside each
    folio, set apart by spaces (`…2024-25年報⇥18`). Every copy goes, the first too; the
    chapter's title titles the text (the head had, its copies a heading and a paragraph
    holding the page's number)."""
    document, report = scraped_document("chairman", RUNNING_HEAD_REPORT.read_text(),
                                        Metadata(title="", language="zh-HK"))
    assert document.metadata.title == "主席報告"
    assert not any("年報" in getattr(block, "text", "") for block in document.blocks)
    assert all(isinstance(block, Paragraph) for block in document.blocks)
    dropped = [drop["text"] for drop in report["dropped"]
               if drop["reason"].startswith("printed page debris")]
    assert len(dropped) == 3


def test_a_running_head_written_once_beside_its_folio_and_once_alone_goes():
    """One page's turn in the copy: the head alone atop the first page, then beside the
    next page's number. Both go, however few the pages."""
    head = "香港體育學院 2024年報"
    text = (f"{head}\n院長的話\n{BODY}\n\n{head}{' ' * 30}7\n\n"
            "本院運動員在年內的國際賽事中共奪得四十二面獎牌。\n")
    document, _ = scraped_document("director", text, Metadata(title="", language="zh-HK"))
    assert document.metadata.title == "院長的話"
    assert [type(block) for block in document.blocks] == [Paragraph, Paragraph]


def test_a_site_builders_give_and_share_buttons_under_a_signed_letter_are_no_sign_off():
    """A site builder's buttons under a letter's signature, its call to give in both
    languages and its share row (whose gaps beside the Han words cleaning takes): both the
    page's, the sign-off the role, the name and the date alone, which dates the piece."""
    text = "\n".join([
        "主席的話", "", "本年度我們為區內三百多個家庭提供了課後託管服務。", "",
        "主席", "陳志強", "2024年6月15日", "", "支持我們 Support Us",
        "分享 WhatsApp Facebook 電郵", "", "© 2024 青苗家庭服務協會 版權所有"])
    document, report = read(text, "zh-HK")
    assert document.blocks[-1] == SignOff(tuple(
        (span,) for span in read_spans("主席", "陳志強", "2024年6月15日")))
    assert document.metadata.date == "2024-06-15"
    dropped = [drop["text"] for drop in report["dropped"]]
    assert "支持我們 Support Us" in dropped
    assert "分享WhatsApp Facebook電郵" in dropped


def test_a_pages_tabs_under_its_breadcrumb_are_its_navigation_not_its_title():
    """A site builder's page: its menu a link a line, its breadcrumb trail, then its tabs a
    label a line in a block of their own (`最新消息` over `活動花絮`), over the page's title.
    The tabs are the page's navigation; the title under them titles the text, no subtitle."""
    text = "\n".join([
        "首頁 Home", "認識我們 About", "最新消息 News", "活動花絮 Gallery", "聯絡 Contact", "",
        "首頁 > 認識我們 > 年度報告", "", "最新消息", "活動花絮", "",
        "青苗家庭服務協會2024年度報告", "", "主席的話", "",
        "本年度我們為區內三百多個家庭提供了課後託管服務。"])
    document, report = read(text, "zh-HK")
    assert document.metadata.title == "青苗家庭服務協會2024年度報告"
    assert document.metadata.subtitle == ""
    assert [(type(block).__name__, block.text) for block in document.blocks] == [
        ("Heading", "主席的話"), ("Paragraph", "本年度我們為區內三百多個家庭提供了課後託管服務。")]
    reasons = {drop["text"]: drop["reason"] for drop in report["dropped"]}
    assert reasons["最新消息"] == reasons["活動花絮"] == "web page debris: navigation over the title"


@pytest.mark.parametrize("under", ["\n", "\n\n"], ids=["no blank line", "a blank line"])
@pytest.mark.parametrize("between", ["\n", "\n\n"], ids=["lines", "blocks"])
@pytest.mark.parametrize(("language", "headline", "sentences"), [
    ("zh-HK", "南灣泳灘救生員人手增加一倍", ["泳灘今日重開。", "救生員由明日起全日當值。", "市民可於網上查閱開放時間。"]),
    ("zh-Hans", "北湖公园东门改建工程完工", ["东门明日开放。", "停车场同时扩建。", "详情请留意公告。"]),
])
def test_a_headline_over_a_short_first_paragraph_is_the_title(language, headline, sentences,
                                                              under, between):
    """A page's headline, no sentence, over a first paragraph of one short sentence, a blank
    line between them or none: the title (it had run into the paragraph, or been a heading,
    the file's name the title); a first line that is a sentence is none, nor is the first
    line of a paragraph a narrow wrap broke (a question alone over a blank line may be a
    headline)."""
    text = f"{headline}{under}{sentences[0]}\n\n{between.join(sentences[1:])}\n"
    document, _ = read(text, language)
    assert document.metadata.title == headline
    assert isinstance(document.blocks[0], Paragraph)
    assert document.blocks[0].text.startswith(sentences[0])
    for sentence in (f"{headline}。", f"{headline}？")[:2 if under == "\n" else 1]:
        document, _ = read(text.replace(headline, sentence), language)
        assert document.metadata.title == "Piece"
    wrapped = f"{headline}{sentences[1][:6]}\n{sentences[1][6:]}\n{sentences[2][:-1]}" \
              f"{headline}{sentences[0][:2]}\n{sentences[0][2:]}\n"
    assert read(wrapped, language)[0].metadata.title == "Piece"


WECHAT_LETTER = "\n".join([
    "原创 青溪社区基金会 2025年01月20日 08:30 江苏", "致捐赠人的一封信", "各位朋友：",
    "过去一年，我们在城南三个街道开设了四家社区食堂，每天为六百多位长者提供午餐。",
    "新的一年，我们将继续扩大志愿者队伍，并公开每一笔善款的去向。", "谢谢大家的信任与陪伴。",
    "秘书长 韩志远", "2025年1月", "编辑：许安然", "{prompt}", "{heading}",
    "社区食堂开到了第四家｜一碗热汤的故事", "{asked}", "2024年度审计报告公布",
    "阅读原文", "分享", "点赞", "在看"])


@pytest.mark.parametrize(("prompt", "heading"), [
    ("长按识别二维码，关注我们", "往期回顾"), ("长按二维码关注", "往期推荐"),
    ("扫码关注我们", "往期精选"), ("点击上方蓝字关注我们", "推荐阅读")])
@pytest.mark.parametrize("asked", ["“暖冬行动”志愿者招募啦！", "你的善款去了哪里？"])
def test_a_wechat_articles_earlier_articles_under_its_sign_off_go(prompt, heading, asked):
    """A WeChat article's end: its signature (role and name, the month), its editor's credit,
    its prompt to follow the account, its earlier articles' titles under their heading (one
    ending in "！" or "？"), its buttons: the signature is the sign-off, the rest goes (the
    signature had been a heading over a paragraph, the prompt and the titles headings,
    paragraphs and a sign-off)."""
    text = WECHAT_LETTER.format(prompt=prompt, heading=heading, asked=asked)
    document, report = read(text)
    assert isinstance(document.blocks[-2], Paragraph)
    assert isinstance(document.blocks[-1], SignOff)
    assert document.blocks[-1].texts == ["秘书长 韩志远", "2025年1月"]
    dropped = {drop["text"] for drop in report["dropped"]}
    assert {prompt, heading, asked, "2024年度审计报告公布", "点赞", "在看"} <= dropped


@pytest.mark.parametrize("spaced", [False, True])
def test_earlier_articles_a_blank_line_under_their_heading_go(spaced):
    """The earlier articles' titles a blank line under their heading, as a WeChat article's
    copy often sets them, and perhaps a blank line between each: they go with it, and the
    signature over them is the sign-off (the titles had been a heading and a paragraph, the
    signature a heading)."""
    titles = ["秋季观鸟营报名开始", "城南湿地的一天", "冬令营志愿者招募啦！"]
    text = "\n\n".join([
        "原创 白鹭湾自然学校 2025-02-10 08:00 发表于福建", "各位家长：",
        "这个冬天，孩子们在湿地里记录了九十多种鸟类，完成了十二次清晨调查。",
        "校长 林晓岚\n2025年2月", "往期回顾", ("\n\n" if spaced else "\n").join(titles)])
    document, report = read(text)
    assert isinstance(document.blocks[-1], SignOff)
    assert document.blocks[-1].texts == ["校长 林晓岚", "2025年2月"]
    dropped = {drop["text"] for drop in report["dropped"]}
    assert {"往期回顾", *titles} <= dropped


def test_a_traditional_pages_earlier_posts_under_its_sign_off_go():
    """A Hong Kong group's post, its stamp over its text, its leader's signature, a prompt
    to follow it by its code, its earlier posts' titles under "往期回顧", one exclaiming,
    one asking, and its share button: the signature is the sign-off, the rest goes."""
    text = "\n".join([
        "山林守護隊", "3月8日 下午4:15 ·", "各位朋友：",
        "今年春天，我們在大帽山一帶清理了三公里的山徑，並補種了八百棵原生樹苗。",
        "多謝每一位願意早起上山的義工。", "隊長 陳家樂", "2025年3月", "長按二維碼關注",
        "往期回顧", "山徑上的垃圾從哪裡來？", "一起來種樹吧！", "2024年義工嘉許禮花絮", "分享"])
    document, report = read(text, language="zh-HK")
    assert document.blocks[-1].texts == ["隊長 陳家樂", "2025年3月"]
    assert [type(block) for block in document.blocks] == [Paragraph, Paragraph, Paragraph,
                                                          SignOff]
    dropped = {drop["text"] for drop in report["dropped"]}
    assert {"長按二維碼關注", "往期回顧", "一起來種樹吧！", "2024年義工嘉許禮花絮"} <= dropped
