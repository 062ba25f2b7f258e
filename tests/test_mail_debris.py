"""E-mail debris: a text copied out of a mail loses the mail's header, the lines over a quoted
or forwarded mail and its footer, in English and Chinese, each listed with its reason; the
mail's subject titles a text with no title of its own; running text that mentions the same
words stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import PipelineError
from pipeline.model import Figure, Metadata, Paragraph, SignOff, plain
from pipeline.readers.cleaning import clean_text
from pipeline.readers.scraped import NOTHING_LEFT, read_scraped, scraped_document
from pipeline.readers.scraped.debris import remove_debris

from .support import copy_project, doit
from .test_debris import kept_and_dropped

THANKS = ("The Orchestra played to more than forty thousand people this season, in halls, "
          "schools and hospital wards across the territory.")
MORE = "Every concert was sold out, and the last was broadcast to many more listeners."

OUTLOOK = """From: Office of the Chief Executive <ceo@example-orchestra.org.hk>
Sent: Friday, 14 March 2025 17:42
To: All musicians and staff
Cc: Board of Governors
Subject: RE: FW: A season to remember
"""

OUTLOOK_ZH = """寄件者： 港灣樂團行政總裁辦公室 <ceo@example-orchestra.org.hk>
傳送時間： 2025年3月14日 星期五 下午 5:42
收件者： 全體樂師及職員
副本： 理事會
主旨： 回覆： 難忘的樂季
"""

OUTLOOK_SIMPLIFIED = """发件人: 港湾乐团 <ceo@example-orchestra.org.hk>
发送时间: 2025年3月14日 17:42
收件人: 全体乐师
抄送: 理事会
主题: 转发: 难忘的乐季
"""

ZH_BODY = "本樂季樂團在音樂廳、學校及醫院病房演出，觀眾超過四萬人。"
ZH_MORE = "每場音樂會均告滿座，最後一場更經電台轉播，再有二十萬名聽眾收聽。"


@pytest.mark.parametrize(("header", "subject"), [
    (OUTLOOK, "A season to remember"),
    (OUTLOOK_ZH, "難忘的樂季"),
    (OUTLOOK_SIMPLIFIED, "难忘的乐季"),
    ("Subject: Fwd: Our season\nFrom:\tPublications <pubs@example.org>\n", "Our season"),
])  # fmt: skip
def test_a_mail_header_goes_and_its_subject_is_kept(header, subject):
    cleared = remove_debris(clean_text(f"{header}\n{THANKS}\n\n{MORE}"))
    assert [line for line in cleared.text.split("\n") if line] == [THANKS, MORE]
    assert {drop.reason for drop in cleared.drops} == {"e-mail debris: e-mail header"}
    assert len(cleared.drops) == header.count("\n")
    assert cleared.subject == subject


@pytest.mark.parametrize("line", [
    "-----Original Message-----",
    "---------- Forwarded message ---------",
    "Begin forwarded message:",
    "-----原始郵件-----",
    "---------- 轉寄的郵件 ---------",
    "On Fri, 14 Mar 2025 at 17:42, Office of the Chief Executive <ceo@example.org> wrote:",
    "On 14/03/2025 17:42, Ann Lee wrote:",
    "陳大文 <chan@example.org> 於 2025年3月14日 週五 下午5:42寫道：",
])  # fmt: skip
def test_the_line_over_a_quoted_or_forwarded_mail_goes(line):
    kept, dropped = kept_and_dropped(f"{THANKS}\n\n{line}\n\n{MORE}")
    assert kept == [THANKS, MORE]
    assert list(dropped.values()) in (["quoted-mail separator"], ["reply attribution"])


@pytest.mark.parametrize("footer", [
    "Sent from my iPhone",
    "Sent from Outlook for Android",
    "Please consider the environment before printing this e-mail.",
    "This e-mail and any attachments are confidential and intended only for the addressee.",
    "The information in this message is confidential and may be legally privileged. If you "
    "are not the intended recipient, please delete it and notify the sender.",
    "從我的 iPhone 傳送",
    "发自我的iPad",
    "此電郵及其附件屬機密資料，只供指定收件人使用。\n如閣下並非指定收件人，請立即通知寄件人並刪除本電郵。",
    "列印前請考慮環保。",
])  # fmt: skip
def test_a_mail_footer_goes_after_the_sign_off(footer):
    kept, dropped = kept_and_dropped(f"{THANKS}\n\n{MORE}\n\nYours,\nLily CHAN\nChief Executive"
                                     f"\n\n{footer}\nThe Harbour Orchestra, a registered charity")
    assert kept == [THANKS, MORE, "Yours,", "Lily CHAN", "Chief Executive"]
    assert set(dropped.values()) == {"e-mail footer"}


def test_a_newsletters_links_and_its_subscription_footer_go():
    """An e-mailed newsletter: its link to its page in a browser over the text, and under it
    the forwarding link, why the reader receives it, the sender's postal address and how to
    unsubscribe, to the end."""
    footer = ("Forward to a friend\nYou are receiving this email because you joined our "
              "mailing list.\nOur mailing address is:\nHarbour Orchestra\n12 Quay Street\n"
              "Want to change how you receive these emails?\n"
              "You can update your preferences or unsubscribe from this list.")
    kept, dropped = kept_and_dropped(f"View this email in your browser\n\nThe Title\n\n"
                                     f"{THANKS}\n\n{MORE}\n\nYours,\nLily CHAN\n\n{footer}")
    assert kept == ["The Title", THANKS, MORE, "Yours,", "Lily CHAN"]
    assert len(dropped) == 1 + len(footer.split("\n"))


def test_running_text_that_mentions_mail_words_stays():
    sentences = [
        "On the night the hall reopened, a young listener wrote: “I will be back every week.”",
        "To: every volunteer who carried a chair, a music stand or a cup of tea, thank you.",
        "Subject: the music of Hong Kong composers, which filled half of our programmes.",
        "This message of thanks is not confidential: please share it with your families.",
        "Musicians were sent from my old school to play in the wards, and wrote to me after.",
        "我們收到的每一封電郵都會在一天內回覆，來函內容絕對保密。",
        "樂師於三月寫道：「這是我最難忘的一季。」",
    ]
    kept, dropped = kept_and_dropped("\n\n".join([THANKS, *sentences, MORE]))
    assert not dropped and len(kept) == len(sentences) + 2


def test_a_memo_line_alone_is_no_header():
    kept, dropped = kept_and_dropped(f"Date: 14 March 2025\n\n{THANKS}\n\nTo: All staff\n\n{MORE}")
    assert not dropped and len(kept) == 4


def test_the_subject_titles_a_mail_with_no_title_of_its_own():
    document, report = scraped_document(
        "2025-03-14-message", f"{OUTLOOK}\nDear colleagues,\n\n{THANKS}\n\n{MORE}",
        Metadata(title=""))
    assert document.metadata.title == "A season to remember"
    assert report["e_mail_debris"] == 6 and report["web_page_debris"] == 0
    assert [drop["reason"] for drop in report["dropped"]] == (
        ["e-mail debris: e-mail header"] * 5 + ["e-mail debris: salutation"])
    assert plain(document.blocks[0].spans) == THANKS


def test_a_mail_with_its_own_title_keeps_it():
    text = f"{OUTLOOK}\nThe Orchestra's Year\n\n{THANKS}\n\n{MORE}"
    document, _ = scraped_document("message", text, Metadata(title=""))
    assert document.metadata.title == "The Orchestra\u2019s Year"
    document, _ = scraped_document("message", text, Metadata(title="Annual Report 2025"))
    assert document.metadata.title == "Annual Report 2025"


def test_a_chinese_mail_reads_as_its_sender_wrote_it():
    text = (f"{OUTLOOK_ZH}\n各位同事：\n\n{ZH_BODY}\n\n{ZH_MORE}\n\n行政總裁 陳麗莉\n2025年3月14日\n\n"
            "從我的 iPhone 傳送\n\n此電郵及其附件屬機密資料，只供指定收件人使用。\n列印前請考慮環保。")
    document, report = scraped_document("message", text, Metadata(title=""))
    assert document.metadata.title == "難忘的樂季"
    assert document.metadata.language == "zh-HK"
    assert report["e_mail_debris"] == 9
    texts = [plain(block.spans) for block in document.blocks if isinstance(block, Paragraph)]
    assert texts == [ZH_BODY, ZH_MORE]
    assert isinstance(document.blocks[-1], SignOff)


def test_a_mail_of_debris_only_says_so():
    with pytest.raises(PipelineError) as raised:
        scraped_document("message", f"{OUTLOOK}\nSent from my iPhone\n", Metadata(title=""))
    assert raised.value.problem == NOTHING_LEFT


@pytest.mark.slow
def test_the_build_says_how_many_lines_were_mail_debris(tmp_path):
    folder = copy_project(tmp_path / "project", library=False)
    (folder / "source" / "season.txt").write_text(
        f"{OUTLOOK}\nDear colleagues,\n\n{THANKS}\n\n{MORE}\n\nSent from my iPhone\n",
        encoding="utf-8")
    result = doit(folder, "model:season")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "  7 lines dropped as e-mail debris (listed in season.dedupe.json)" in result.stdout


SIGNED = """Best regards,
Marina Cheng
Head of Community Engagement
Harbour Conservation Trust
{contact}

Sent from my iPhone
"""


@pytest.mark.parametrize("greeting", [
    "Hi all,", "Dear colleagues,", "Hello everyone!", "Dear Professor Lee,", "Good morning team",
    "Dear Sir or Madam,", "Dear Dr Chan,",
])
@pytest.mark.parametrize("contact", [
    "T: +852 2345 6789 | M: +852 9123 4567\nE: m.cheng@example-trust.org.hk\n"
    "www.example-trust.org.hk",
    "Tel. (852) 2345 6789  Fax (852) 2345 6780",
    "Direct line: 2345 6789 ext. 12, mobile: 9123 4567",
    # A label of the sender's own: any word or two and a colon.
    "Mob: 07700 900461\nClubhouse: 01632 960 218",
])
def test_a_mail_s_greeting_and_its_signature_s_contact_details_go(greeting, contact):
    text = f"{OUTLOOK}\n{greeting}\n\n{THANKS}\n\n{MORE}\n\n{SIGNED.format(contact=contact)}"
    document, report = scraped_document("message", text, Metadata(title=""))
    assert document.metadata.title == "A season to remember"
    reasons = [drop["reason"].split(": ")[1] for drop in report["dropped"]]
    assert reasons == (["e-mail header"] * 5 + ["salutation"]
                       + ["signature contact details"] * (contact.count("\n") + 1)
                       + ["e-mail footer"])
    assert [plain(block.spans) for block in document.blocks[:-1]] == [THANKS, MORE]
    sign_off = document.blocks[-1]
    assert isinstance(sign_off, SignOff)
    assert ["".join(span.text for span in line) for line in sign_off.lines] == [
        "Best regards,", "Marina Cheng", "Head of Community Engagement",
        "Harbour Conservation Trust"]


@pytest.mark.parametrize(("signature", "sign_off"), [
    ("Marina Cheng | Head of Community Engagement\nHarbour Conservation Trust\n"
     "T: +852 2345 6789", "Marina CHENG\nHead of Community Engagement"),
    ("陳美玲 | 社區拓展經理\n電話：2345 6789", "陳美玲\n社區拓展經理"),
])
def test_a_signature_naming_the_sign_offs_signatory_again_after_the_notes_goes(
        signature, sign_off):
    """The document's sign-off, then its notes, then the mail's own signature over its
    contact details: the signature is the mail's, the sign-off the document's."""
    text = (f"{OUTLOOK}\n{THANKS}[1]\n\n{MORE}\n\n{sign_off}\n\nNotes\n"
            f"[1] Figures to 28 February.\n\n{signature}\n")
    document, report = scraped_document("message", text, Metadata(title=""))
    reasons = [drop["reason"].split(": ")[1] for drop in report["dropped"]]
    lines = signature.count("\n")
    assert reasons[-lines - 1:] == (["signature, its signatory signed off above"] * lines
                                    + ["signature contact details"])
    assert report["e_mail_debris"] == len(reasons)
    kinds = [type(block).__name__ for block in document.blocks]
    assert kinds[-3:] == ["SignOff", "Heading", "Note"]  # the notes under their heading
    assert [line[0].text for line in document.blocks[-3].lines] == sign_off.split("\n")


@pytest.mark.parametrize(("sign_off", "signature"), [
    ("Best regards,\nMarina Cheng\nHead of Community Engagement",
     "-- \nHarbour Conservation Trust | Protecting the shore since 1987\nwww.example-trust.org.hk"),
    ("张海鹰\n环境科学研究中心主任\n2025年3月14日",
     "--\n环境科学研究中心 Centre for Environmental Sciences\n"
     "电话：027-8765 4321 | 邮箱：ces@univ.example.edu.cn"),
])
def test_the_mail_programs_signature_under_its_delimiter_goes(sign_off, signature):
    """RFC 3676's "-- " and the lines under it: the mail program's signature, under the
    document's sign-off, which stays whole."""
    text = f"{OUTLOOK}\n{THANKS}\n\n{MORE}\n\n{sign_off}\n\n{signature}\n"
    document, report = scraped_document("message", text, Metadata(title=""))
    assert [line.strip() for line in signature.split("\n")] == [
        drop["text"].strip() if drop["text"].strip() not in ("–", "——") else "--"
        for drop in report["dropped"][-3:]]
    assert [plain(line) for line in document.blocks[-1].lines] == sign_off.split("\n")


def test_a_dash_alone_on_its_line_is_never_printed():
    """Pasted without the mail's header, the signature's delimiter is the source's formatting
    all the same: it never ends the sign-off as a dash."""
    text = (f"{THANKS}\n\n{MORE}\n\nMarina Cheng\nHead of Community Engagement\n\n-- \n"
            "Marina Cheng | Harbour Conservation Trust\n")
    document, report = scraped_document("message", text, Metadata(title="Season"))
    assert [plain(line) for line in document.blocks[-1].lines] == [
        "Marina Cheng", "Head of Community Engagement"]
    assert [drop["reason"].split(": ")[-1] for drop in report["dropped"]] == [
        "signature, its signatory signed off above"] * 2
    text = f"{THANKS}\n\n\u2014\n\n{MORE}\n"  # a dash alone between paragraphs: a rule
    document, report = scraped_document("page", text, Metadata(title="Season"))
    assert [plain(block.spans) for block in document.blocks] == [THANKS, MORE]
    assert report["dropped"][0]["reason"].endswith("rule drawn in the text")


def test_a_dash_alone_over_more_than_a_signature_stays():
    text = f"{OUTLOOK}\n{THANKS}\n\n--\n\n" + "\n\n".join([MORE] * 7) + "\n"
    document, report = scraped_document("message", text, Metadata(title=""))
    assert not any("signature" in drop["reason"] for drop in report["dropped"])


def test_a_sign_off_over_contact_details_stays_though_the_byline_named_its_signatory():
    text = (f"{OUTLOOK}\nAnn LEE, Director\nAnn LEE, Director\n\n{THANKS}\n\n{MORE}\n\n"
            "Ann LEE\nDirector\nT: 2345 6789\n")
    document, report = scraped_document("message", text, Metadata(title=""))
    assert report["dropped"][-1]["reason"] == "e-mail debris: signature contact details"
    assert isinstance(document.blocks[-1], SignOff)
    assert len(document.blocks[-1].lines) == 2


@pytest.mark.parametrize(("greeting", "contact"), [
    ("親愛的會員：", "電話：2345 6789\n電郵：chan@example-library.org.hk"),
    ("大家好！", "手機 9123 4567 / 傳真 2345 6780"),
    ("大家好", "Tel: +852 2345 6789"),
    ("各位同事：", "电话：2345 6789"),
])
def test_a_chinese_mail_s_greeting_and_contact_details_go(greeting, contact):
    text = (f"{OUTLOOK_ZH}\n{greeting}\n\n{ZH_BODY}\n\n{ZH_MORE}\n\n祝好\n陳美玲\n社區拓展經理\n"
            f"{contact}\n\n從我的 iPhone 傳送\n")
    document, report = scraped_document("message", text, Metadata(title=""))
    reasons = [drop["reason"].split(": ")[1] for drop in report["dropped"]]
    assert reasons == (["e-mail header"] * 5 + ["salutation"]
                       + ["signature contact details"] * (contact.count("\n") + 1)
                       + ["e-mail footer"])
    assert [plain(block.spans) for block in document.blocks[:-1]] == [ZH_BODY, ZH_MORE]
    assert len(document.blocks[-1].lines) == 3


def test_a_heading_under_a_mail_s_greeting_is_a_section_s_and_the_subject_titles_it():
    text = (f"{OUTLOOK}\nDear colleagues,\n\nOur concerts\n\n{THANKS}\n\nOur listeners\n\n"
            f"{MORE}\n")
    document, _ = scraped_document("message", text, Metadata(title=""))
    assert document.metadata.title == "A season to remember"
    assert [block.text for block in document.blocks] == [
        "Our concerts", THANKS, "Our listeners", MORE]
    # Its own title over the greeting stays its title.
    document, _ = scraped_document("message", f"{OUTLOOK}\nThe Orchestra's Year\n\n"
                                   f"Dear colleagues,\n\n{THANKS}\n", Metadata(title=""))
    assert document.metadata.title == "The Orchestra\u2019s Year"
    assert [block.text for block in document.blocks] == [THANKS]


@pytest.mark.parametrize("text", [
    # A letter that came out of no mail keeps its greeting, and a contact line its text's.
    f"Chairman's Letter\n\nDear Shareholders,\n\n{THANKS}\n\nEnquiries\n\n"
    "Tel: 2345 6789\n",
    # A letter on a web page keeps its greeting under a mail's footer left in it.
    f"A Letter to Members\n\nDear Members,\n\n{THANKS}\n\nYours,\nAnn LEE\nT: 2345 6789\n\n"
    "This e-mail and any attachments are confidential.\n",
    # A greeting inside a sentence, or a sentence after the mail's first, is the text's.
    f"{OUTLOOK}\nHi all, the season is over.\n\n{THANKS}\n\nDear friends,\n\n{MORE}\n",
    f"{OUTLOOK_ZH}\n{ZH_BODY}\n\n各位同事：\n\n{ZH_MORE}\n",
    # A heading naming an office, or a greeting's word in a title, is no greeting.
    f"{OUTLOOK_ZH}\n新任主席\n\n{ZH_BODY}\n",
    f"{OUTLOOK}\nHello Kitty at Fifty\n\n{THANKS}\n",
    # A sign-off's date in figures is no telephone number.
    f"{OUTLOOK}\n{THANKS}\n\nBest wishes,\nAnn LEE\n14.03.2025\n",
    f"{OUTLOOK}\n{THANKS}\n\nBest wishes,\nAnn LEE\n2025-03-14\n",
])
def test_greetings_and_telephone_numbers_of_the_text_stay(text):
    document, report = scraped_document("message", text, Metadata(title=""))
    assert not [drop for drop in report["dropped"]
                if drop["reason"].split(": ")[1] in ("salutation", "signature contact details")]


FORWARD = OUTLOOK.replace("Subject: RE: FW: ", "Subject: FW: ")
NOTE = "Please find below the final text. Thanks!"
SEPARATOR = "-----Original Message-----"


@pytest.mark.parametrize(("header", "note", "separator", "body"), [
    (FORWARD, NOTE, SEPARATOR, f"The Season\n\n{THANKS}\n\n{MORE}"),
    (FORWARD, f"Hi all,\n\n{NOTE}", "---------- Forwarded message ---------",
     f"{THANKS}\n\n{MORE}"),
    (OUTLOOK_SIMPLIFIED, "请参阅以下定稿。", "-----原始邮件-----",
     "本乐季乐团在音乐厅、学校及医院病房演出，观众超过四万人。\n\n每场音乐会均告满座。"),
])
def test_a_forwarders_note_over_the_mail_forwarded_goes(header, note, separator, body):
    text = f"{header}\n{note}\n\n{separator}\n\n{body}\n"
    document, report = scraped_document("message", text, Metadata(title=""))
    reasons = [drop["reason"].split(": ")[1] for drop in report["dropped"]]
    assert "forwarding note" in reasons
    assert not any(block.text.startswith(note.split("\n")[-1][:8]) for block in document.blocks
                   if hasattr(block, "text"))
    assert plain(document.blocks[-1].spans) == body.split("\n\n")[-1]


@pytest.mark.parametrize(("header", "note", "title", "byline", "body"), [
    (FORWARD, f"Hi all,\n\n{NOTE}", "The Season in Review", "By Ann LEE, Director",
     f"{THANKS}\n\n{MORE}"),
    (OUTLOOK_SIMPLIFIED, "各位同事：\n\n请参阅以下定稿。", "乐团总监致辞", "乐团总监 李文华",
     "本乐季乐团在音乐厅、学校及医院病房演出，观众超过四万人。\n\n每场音乐会均告满座。"),
], ids=["english", "simplified chinese"])
def test_a_text_forwarded_under_a_greeting_keeps_its_own_title(header, note, title, byline,
                                                               body):
    """The forwarder's greeting opens the forwarder's mail, not the text forwarded: the text's
    own title, over its byline, is the title, not the mail's subject ("A season to
    remember"), and no heading."""
    text = f"{header}\n{note}\n\n{SEPARATOR}\n\n{title}\n{byline}\n\n{body}\n"
    document, _ = scraped_document("message", text, Metadata(title=""))
    assert document.metadata.title == title
    assert document.byline is not None
    assert [type(block).__name__ for block in document.blocks] == ["Paragraph", "Paragraph"]


EXTERNAL = OUTLOOK.replace("Subject: RE: FW: A season to remember",
                           "Subject: [EXTERNAL] The season in review - final")


@pytest.mark.parametrize(("warning", "greeting", "note"), [
    ("CAUTION: This email originated from outside of the organisation. Do not click links or "
     "open attachments unless you recognise the sender and know the content is safe.",
     "Hi both,", "Final version below – thanks for your patience!"),
    ("[EXTERNAL] This message came from outside your organization.", "Dear all,",
     "Here it is at last."),
    ("注意：此電郵來自機構以外，除非確定內容安全，否則請勿開啟附件。", "各位同事：", "定稿如下。"),
], ids=["caution", "external", "chinese"])
def test_the_warning_over_a_mail_from_outside_goes_and_the_text_keeps_its_title(
        warning, greeting, note):
    """The warning a mail system sets over a mail from outside is the mail's, not the
    text's; the subject's tag ("[EXTERNAL]") is no part of its title; and the text under the
    sender's note is titled by its own heading, which the subject names."""
    text = (f"{EXTERNAL}\n{warning}\n\n{greeting}\n\n{note}\n\nThe season in review\n\n"
            f"{THANKS}\n\n{MORE}\n\nWith thanks,\n\nAnn LEE\nChair\n")
    document, report = scraped_document("message", text, Metadata(title=""))
    reasons = {drop["text"]: drop["reason"].split(": ")[1] for drop in report["dropped"]}
    assert reasons[warning] == "warning over a mail from outside"
    assert document.metadata.title == "The season in review"
    assert [type(block).__name__ for block in document.blocks] == [
        "Paragraph", "Paragraph", "SignOff"]


def test_a_pictures_place_in_a_signature_goes_with_the_signature():
    """Gmail's "[image: …]" (Outlook's "[cid:…]") where the signature's logo stood: the mail's
    footer from there on, the sign-off above it kept; a photo's credit on a page stays."""
    text = (f"{OUTLOOK}\n{THANKS}\n\n{MORE}\n\nWith thanks,\n\nAnn LEE\nChair\n\n"
            "[image: Harbour Orchestra logo]\nAnn LEE | Chair | Harbour Orchestra\n"
            "T: +852 2345 6789\n")
    document, report = scraped_document("message", text, Metadata(title=""))
    assert document.blocks[-1].texts == ["With thanks,", "Ann LEE", "Chair"]
    reasons = {drop["text"]: drop["reason"] for drop in report["dropped"]}
    assert reasons["[image: Harbour Orchestra logo]"] == "e-mail debris: e-mail footer"
    assert reasons["Ann LEE | Chair | Harbour Orchestra"] == "e-mail debris: e-mail footer"
    page = f"{THANKS}\n\nImage: Ann LEE at the harbour\n\n{MORE}\n"
    assert not scraped_document("page", page, Metadata(title="Page"))[1]["dropped"]


@pytest.mark.parametrize("text", [
    # A reply's text over the mail it quotes is the reply's.
    f"{OUTLOOK}\n{THANKS}\n\n{SEPARATOR}\n\n{MORE}\n",
    # A forward whose note holds more of the text than the mail forwarded.
    f"{FORWARD}\n{THANKS}\n\n{MORE}\n\n{SEPARATOR}\n\nSee below.\n",
])
def test_a_replys_text_or_a_long_forwarding_note_stays(text):
    document, report = scraped_document("message", text, Metadata(title=""))
    assert "forwarding note" not in [drop["reason"].split(": ")[1] for drop in report["dropped"]]
    assert THANKS in [plain(block.spans) for block in document.blocks]


QUOTED = ("On Mon, 2 Mar 2026 at 16:40, Publications <publications@example.org> wrote:\n"
          "> Could you send the final text by Wednesday? We go to print on Friday.\n>\n"
          "> Many thanks,\n> Publications\n")


QUOTED_ZH = ("出版組 <publications@example.org.hk> 於 2026年3月2日 下午4:40 寫道：\n"
             "> 請於星期三前提交定稿。\n>\n> 謝謝，\n> 出版組\n")


@pytest.mark.parametrize(("header", "body", "sign_off", "quoted"), [
    (OUTLOOK, f"{THANKS}\n\n{MORE}", "Best wishes,\nAnn LEE", QUOTED),
    (OUTLOOK_ZH, f"{ZH_BODY}\n\n{ZH_MORE}", "行政總裁\n李安", QUOTED_ZH),
])  # fmt: skip
def test_the_mail_a_reply_quotes_goes_to_the_end(header, body, sign_off, quoted):
    text = f"{header}\n{body}\n\n{sign_off}\n\n{quoted}"
    document, report = scraped_document("message", text, Metadata(title=""))
    reasons = [drop["reason"].split(": ")[1] for drop in report["dropped"]]
    assert reasons.count("quoted mail") == 4
    assert isinstance(document.blocks[-1], SignOff)
    assert [plain(line) for line in document.blocks[-1].lines] == sign_off.split("\n")


def test_a_quote_the_reply_answers_between_its_lines_stays():
    """Quoted lines with the reply's own text after them are the reply's (it answers them
    one by one): only a quote running to the end is the older mail."""
    text = f"{OUTLOOK}\n{THANKS}\n\n{QUOTED}\nYes: it goes today.\n\n{MORE}\n"
    _, report = scraped_document("message", text, Metadata(title=""))
    assert "quoted mail" not in [drop["reason"].split(": ")[1] for drop in report["dropped"]]


REPORT_TITLE = "Treasurer’s report"


@pytest.mark.parametrize(("header", "greeting", "note", "title", "body", "sign_off", "closing"), [
    (OUTLOOK.replace("A season to remember", "Treasurer’s report for the annual review"),
     "Hi both,", "Here is the final text, with the figures the auditors signed off.",
     REPORT_TITLE, f"{THANKS}\n\n{MORE}", "Treasurer\nCanal Heritage Trust\n2 March 2026",
     "Thanks,\nFinance Office"),
    (OUTLOOK_ZH.replace("難忘的樂季", "主席報告定稿"), "各位同事：", "附上主席報告定稿，請查閱。",
     "主席報告", f"{ZH_BODY}\n\n{ZH_MORE}", "主席\n港灣樂團\n2025年3月14日",
     "謝謝，\n行政總裁辦公室"),
])  # fmt: skip
def test_a_covering_note_over_a_text_titled_as_the_subject_goes(header, greeting, note, title,
                                                                 body, sign_off, closing):
    """A mail carrying a text under a title the subject names: the sender's note over it and
    the sender's closing under its sign-off go, and the text is titled by its own title."""
    text = f"{header}\n{greeting}\n\n{note}\n\n{title}\n\n{body}\n\n{sign_off}\n\n{closing}\n"
    document, report = scraped_document("message", text, Metadata(title=""))
    reasons = {drop["text"]: drop["reason"].split(": ")[1] for drop in report["dropped"]}
    assert reasons[note].startswith("covering note")
    assert all(reasons[line].startswith("the covering note's closing")
               for line in closing.split("\n"))
    assert document.metadata.title == title
    assert [plain(line).replace("\u00a0", " ") for line in document.blocks[-1].lines] == (
        sign_off.split("\n"))


def test_a_text_titled_right_under_the_greeting_as_the_subject_names_it_keeps_its_title():
    """No covering note between the greeting and the text's title: the title is the text's
    own, not the subject's, and the sender's closing under the text's notes goes."""
    header = OUTLOOK.replace("A season to remember",
                             "Treasurer’s report – final text for the annual review")
    text = (f"{header}\nDear colleagues,\n\n{REPORT_TITLE}\n\n{THANKS}[1]\n\n{MORE}\n\n"
            "Treasurer\nCanal Heritage Trust\n2 March 2026\n\nNotes\n\n[1] Audited figures."
            "\n\nBest regards,\nMaria\n")
    document, report = scraped_document("message", text, Metadata(title=""))
    assert document.metadata.title == REPORT_TITLE
    assert not [block for block in document.blocks if getattr(block, "text", "") == REPORT_TITLE]
    reasons = {drop["text"]: drop["reason"].split(": ")[1] for drop in report["dropped"]}
    assert reasons["Best regards,"].startswith("the covering note's closing")
    assert type(document.blocks[-1]).__name__ == "Note"


def test_a_letter_under_its_greeting_keeps_its_first_paragraph():
    """A mail whose text is a letter, its first paragraph naming what the subject names, is
    no covering note: no title of the subject's stands under it."""
    header = OUTLOOK.replace("A season to remember", "Treasurer’s report")
    text = f"{header}\nDear members,\n\n{THANKS} The treasurer’s report follows.\n\n{MORE}\n"
    _, report = scraped_document("message", text, Metadata(title=""))
    assert not [drop for drop in report["dropped"] if "covering" in drop["reason"]]


REQUEST = OUTLOOK.replace("RE: FW: A season to remember", "A season to remember")


@pytest.mark.parametrize(("header", "separator"), [
    (OUTLOOK, SEPARATOR),
    (OUTLOOK_ZH, "-----原始郵件-----"),
])
def test_the_older_mail_under_a_longer_reply_goes(header, separator):
    """A reply holding the text, over the mail it answers (its separator, header and
    request): the older mail goes, the reply's text stays."""
    request = "Could you send the final text by Wednesday?"
    text = f"{header}\n{THANKS}\n\n{MORE}\n\n{separator}\n{REQUEST}\n{request}\n"
    document, report = scraped_document("message", text, Metadata(title=""))
    reasons = {drop["text"]: drop["reason"].split(": ")[1] for drop in report["dropped"]}
    assert reasons[request] == "quoted mail"
    assert plain(document.blocks[-1].spans) == MORE


def test_a_short_reply_over_the_text_it_quotes_keeps_the_text():
    text = f"{OUTLOOK}\nApproved.\n\n{SEPARATOR}\n{REQUEST}\n{THANKS}\n\n{MORE}\n"
    document, report = scraped_document("message", text, Metadata(title=""))
    assert "quoted mail" not in [drop["reason"].split(": ")[1] for drop in report["dropped"]]
    assert plain(document.blocks[-1].spans) == MORE


@pytest.mark.parametrize(("greeting", "closing"), [
    ("Dear members,", "Yours sincerely,"),
    ("Dear Members", "Yours faithfully"),
    ("各位會員：", "謹啟"),
])
def test_a_letter_sent_by_mail_keeps_its_greeting(greeting, closing):
    """A mail that closes as a letter does ("Yours sincerely,", "謹啟") is a letter: its
    greeting is the letter's, and stays over its first paragraph; the mail's header and the
    signature's contact details still go."""
    contact = "T: +852 2345 6789 | M: +852 9123 4567"
    text = (f"{OUTLOOK}\n{greeting}\n\n{THANKS}\n\n{MORE}\n\n{closing}\n\nMarina Cheng\n"
            f"Chair\n\n{contact}\n")
    document, report = scraped_document("message", text, Metadata(title=""))
    assert [plain(block.spans) for block in document.blocks[:3]] == [greeting, THANKS, MORE]
    reasons = [drop["reason"].split(": ")[1] for drop in report["dropped"]]
    assert reasons == ["e-mail header"] * 5 + ["signature contact details"]


def test_a_confidentiality_notice_wrapped_over_lines_goes_whole_with_the_contact_lines():
    text = (f"{OUTLOOK}\n{THANKS}\n\n{MORE}\n\nRegards,\n\nPriya Nair\nHead of Performance\n"
            "T: 01632 960 418 | M: 07700 900 612\nE: priya.nair@example.gov.uk\n\n"
            "This e-mail and any attachments are confidential and intended solely for the\n"
            "addressee. If you are not the intended recipient, please notify the sender\n"
            "immediately and delete it. The Authority accepts no liability for any views\n"
            "expressed in this message that are not its own.\n")
    document, report = scraped_document("chapter", text, Metadata(title="Our season"))
    assert [block.text for block in document.blocks[:2]] == [THANKS, MORE]
    assert isinstance(document.blocks[-1], SignOff)
    assert document.blocks[-1].texts == ["Regards,", "Priya Nair", "Head of Performance"]
    assert report["e_mail_debris"] == 5 + 6


# --- A letter forwarded out of a webmail, under the forwarder's note ---------------------------

FORWARDED_LETTER = Path(__file__).parent / "texts" / "mail" / "thornfield-chair-letter.txt"


def test_a_letter_forwarded_from_a_webmail_keeps_its_greeting_and_loses_the_forwarders_mail():
    """Gmail's copy: the forward's subject, its folder, the forwarder's name and time and her
    note over "Forwarded message"; the letter's signature, its charity's registration and
    the mail's notices under its sign-off. The letter is what stays, titled by its subject,
    greeting its readers ("With warm wishes," closes a letter as "Yours sincerely," does)."""
    document, report = scraped_document("letter", FORWARDED_LETTER.read_text(),
                                        Metadata(title=""))
    assert document.metadata.title == "Chair\u2019s letter for the Annual Review 2024"
    assert plain(document.blocks[0].spans) == "Dear friends,"
    sign_off = next(block for block in document.blocks if isinstance(block, SignOff))
    assert [plain(line) for line in sign_off.lines] == [
        "With warm wishes,", "Margaret Ellison", "Chair of Trustees",
        "The Thornfield Foundation"]
    assert isinstance(document.blocks[-1], SignOff)
    text = " ".join(plain(block.spans) for block in document.blocks
                    if isinstance(block, Paragraph))
    for debris in ("Inbox", "Priya", "Hi Tom", "drop it into the template", "0113",
                   "registered charity", "Registered office", "confidential", "environment"):
        assert debris not in text, debris
    reasons = {drop["text"]: drop["reason"] for drop in report["dropped"]}
    assert reasons["Thanks,"] == "e-mail debris: forwarding note"
    assert reasons["Inbox"] == "e-mail debris: the mail program's lines round the mail"
    # The signature's delimiter, "--" as cleaned, is the signature's, not a rule of the page.
    assert reasons["\u2013"] == "e-mail debris: signature, its signatory signed off above"
    registration = next(text for text in reasons if "registered charity" in text)
    assert reasons[registration] == "e-mail debris: e-mail footer"


@pytest.mark.parametrize("notice", [
    "The Trust is a registered charity in England and Wales (no. 1087654) and a company\n"
    "limited by guarantee (no. 04123987).",
    "Registered charity number 1087654. Registered office: 1 Quay Street, Bristol BS1 4DJ.",
    "本會為根據《稅務條例》第88條獲豁免繳稅的慈善機構。",
])  # fmt: skip
def test_a_registration_notice_under_the_text_goes_with_its_footer(notice):
    kept, dropped = kept_and_dropped(f"{THANKS}\n\n{MORE}\n\n{notice}\n\nPrivacy | Terms | Cookies")
    assert kept == [THANKS, MORE]
    assert set(dropped.values()) <= {"page footer", "links"}


@pytest.mark.parametrize(("letter", "notice"), [
    ("Dear Friend,\n\n{THANKS}\n\n{MORE}\n\nWith thanks,\nAnne Lau\nDirector\n\n"
     "PS Our open day returns on 3 May.\n\n{notice}",
     "Kestrel Valley Orchestra is a registered charity in Scotland, number SC045678."),
    ("各位朋友：\n\n本團今年在各區舉行了四十場音樂會，入場人次逾四萬。\n\n"
     "每一場音樂會的門票均告售罄。\n\n團長\n劉安妮\n\n{notice}",
     "本團為根據《稅務條例》第88條獲豁免繳稅的慈善機構。"),
])  # fmt: skip
def test_a_letters_sentence_naming_its_registration_stays_where_no_footer_stands(letter, notice):
    """A letter's last sentence saying its body is a registered charity, with nothing of a
    page's footer (links, copyright, address) round it: the letter's, which an appeal must
    state, not a footer's line."""
    text = letter.format(THANKS=THANKS, MORE=MORE, notice=notice)
    kept, dropped = kept_and_dropped(text)
    assert kept[-1] == clean_text(notice)
    assert not dropped


def test_a_sentence_of_the_text_that_names_a_registration_stays():
    said = "The Trust is a registered charity, and every gift goes to its work in the valleys."
    kept, _ = kept_and_dropped(f"{THANKS}\n\n{said}\n\n{MORE}")
    assert kept == [THANKS, said, MORE]


@pytest.mark.parametrize("closing", ["With best wishes,", "With warm wishes,",
                                     "With kind regards,", "Yours sincerely,"])
def test_a_letter_closed_warmly_keeps_its_greeting_under_a_mail_header(closing):
    text = f"{OUTLOOK}\nDear friends,\n\n{THANKS}\n\n{MORE}\n\n{closing}\n\nAnne Lau\nChair"
    document, _ = scraped_document("letter", text, Metadata(title=""))
    assert plain(document.blocks[0].spans) == "Dear friends,"


OUTLOOK_FORWARD = Path(__file__).parent / "texts" / "mail" / "kestrel-valley-outlook-forward.txt"


def test_a_text_forwarded_from_outlook_loses_the_forwarders_note_and_signature():
    """Outlook's forward draws no line over the mail it forwards: its own header (From:,
    Sent:, To:, Subject: without "FW:") stands under the forwarder's greeting, note and
    signature, which go with the forwarder's header; the text opens with its own title."""
    document, report = scraped_document("foreword", OUTLOOK_FORWARD.read_text(),
                                        Metadata(title=""))
    assert document.metadata.title == "Director\u2019s foreword"
    assert plain(document.blocks[0].spans).startswith("This year the Trust")
    sign_off = next(block for block in document.blocks if isinstance(block, SignOff))
    assert [plain(line) for line in sign_off.lines] == ["Dr\u00a0Nia Rhys", "Director"]
    reasons = {drop["text"]: drop["reason"] for drop in report["dropped"]}
    for note in ("Many thanks", "Owen", "Kestrel Valley Trust",
                 "T: 01597 824 116 | M: 07700 900 318"):
        assert reasons[note] == "e-mail debris: forwarding note", note


def test_a_mailed_circulars_letterhead_under_the_covering_note_stays():
    """A circular mailed under a covering note: the note goes to the end of its closing
    (`Kind regards,` over the sender); the circular's letterhead (its lines) and its number
    (a line of its own) under it stay, where they had gone with the note; the headline right
    over the circular's greeting titles it (its number had, the headline a heading)."""
    path = Path(__file__).parent / "texts" / "reports" / "teachers-association-mailed-circular.txt"
    document, report = scraped_document("circular", path.read_text(encoding="utf-8"),
                                        Metadata(title=""))
    dropped = [drop["text"] for drop in report["dropped"]]
    assert "Kind regards," in dropped and "Branch Office" in dropped
    assert document.metadata.title == "PAY OFFER: BALLOT OPENS 24\u00a0MARCH"
    assert document.blocks[0].texts == [
        "WESTMERE TEACHERS\u2019 ASSOCIATION", "12\u00a0Castle Street, Westmere WM1 2AB"]
    assert [plain(block.spans) for block in document.blocks[1:3]] == [
        "Circular 2025/07", "Dear member,"]


def test_a_confidentiality_notice_fenced_by_rules_goes_whole_with_the_signature_over_it():
    """A mail's notice wrapped over several lines, its sentences ending inside them, and a
    second paragraph under it, between two rules of asterisks; the sender's signature under
    the delimiter (`--`) over it: all the mail's (the notice's later lines and its second
    paragraph had been the text's, the signature a heading and a paragraph, the sign-off
    run into one paragraph)."""
    notice = ("*" * 40 + "\nThis message may contain confidential and privileged information.\n"
              "If you are not the intended recipient please accept our apologies;\n"
              "please do not disclose, copy or distribute information in this email\n"
              "or take any action in reliance on it. Thank you for your co-operation.\n\n"
              "This service is approved for exchanging sensitive information with\n"
              "other accredited email services.\n" + "*" * 40)
    sign_off = "Margaret Osei\nChair\n16 June 2025"
    signature = "--\nMargaret Osei\nChair, Riverside Housing Trust\nPA: Tom Price 01632 960 013"
    text = f"{OUTLOOK}\n{THANKS}\n\n{MORE}\n\n{sign_off}\n\n{signature}\n\n{notice}\n"
    document, report = scraped_document("statement", text, Metadata(title=""))
    assert [type(block).__name__ for block in document.blocks] == [
        "Paragraph", "Paragraph", "SignOff"]
    assert document.metadata.date == "2025-06-16"
    kept = " ".join(getattr(block, "text", "") for block in document.blocks)
    assert "co-operation" not in kept and "accredited" not in kept


def test_a_newsletter_mailed_as_plain_text_loses_its_links_furniture_and_keeps_its_closing():
    """A newsletter as a mail program writes it in plain text, each link's address in angle
    brackets after its words (`View this email in your browser <https://…>`, `Read more
    <https://…>`): the furniture is known by its words, and goes (it had titled the text and
    been printed as headings and lines); the footer after the closing goes, the closing and
    the signature under it stay, though a link (`DONATE NOW`) stands over them."""
    path = Path(__file__).parent / "texts" / "reports" / "food-bank-newsletter-mail.txt"
    document, report = scraped_document("newsletter", path.read_text(encoding="utf-8"),
                                        Metadata(title=""))
    assert document.metadata.title == "Summer Newsletter\u00a0\u2013 July 2025"
    # Dated by its title's issue, which the opener then prints once, in the title.
    assert document.metadata.date == "2025-07" and document.metadata.imprint_date == ""
    dropped = [drop["text"] for drop in report["dropped"]]
    assert "View this email in your browser" in dropped and "Read more" in dropped
    assert "Add us to your address book" in dropped and "Kingsmead KM4 2JD" in dropped
    assert [plain(line) for line in document.blocks[-1].lines] == [
        "With thanks,", "Jo Whitfield", "Manager, Riverbank Food Bank"]
    kept = " ".join(getattr(block, "text", "") for block in document.blocks)
    assert "unsubscribe" not in kept and "<https" not in kept


def test_a_letter_sent_by_mail_in_reply_keeps_its_greeting_its_quotation_and_its_date():
    """A head teacher's letter to parents, sent as a reply (`RE: End of year letter …`)
    over the parent's mail it quotes: the greeting is the letter's (its subject names a
    letter), the lines it quotes with `>` one displayed quotation without the marks, the
    signature's telephone numbers and site (over the mail quoted, its last lines till the
    quoted mail went) go, and the letter is dated as sent."""
    from pipeline.model import Quotation
    from pipeline.readers.scraped import read_scraped

    path = Path(__file__).parent / "texts" / "mail" / "school-head-letter-reply.txt"
    document, report = read_scraped(path, Metadata(title=""))
    assert document.metadata.title == "End of year letter from the Headteacher"
    assert document.metadata.date == "2024-07-19"
    assert document.blocks[0].text == "Dear Parents and Carers,"
    quotation = next(block for block in document.blocks if isinstance(block, Quotation))
    assert plain(quotation.spans) == (
        "Will the new timings for the school day start in September or January? "
        "And will breakfast club still open at 7.45?")
    assert [plain(line) for line in document.blocks[-1].lines] == [
        "Kind regards,", "Jane Thornton", "Headteacher", "St\u00a0Aldhelm\u2019s C of E Primary School"]
    reasons = {drop["text"]: drop["reason"] for drop in report["dropped"]}
    for line in ("Tel: 01632 960 482", "Mob: 07700 900 123", "www.staldhelms.sch.uk"):
        assert reasons[line] == "e-mail debris: signature contact details"


def test_a_mails_greeting_to_its_readers_goes_where_its_subject_names_no_letter():
    text = (f"{OUTLOOK}\nDear colleagues,\n\n{THANKS}\n\n{MORE}\n\nKind regards,\n\nAnn LEE\n")
    document, report = scraped_document("message", text, Metadata(title=""))
    assert "Dear colleagues," in {drop["text"] for drop in report["dropped"]}
    assert not document.metadata.date


def test_a_chinese_letter_by_mail_keeps_its_addressee_and_drops_its_signatures_address():
    """A centre's letter to its members sent by mail: its addressee (`各位會員及家屬：`, the
    members and their families joined by 及) is the letter's greeting, kept; the postal
    address under the signature goes with its telephone and fax lines (it had stayed in the
    sign-off, alone of the three); the letter is dated as it is signed."""
    from pipeline.readers.scraped import read_scraped

    path = Path(__file__).parent / "texts" / "mail" / "elderly-centre-letter-zh.txt"
    document, report = read_scraped(path, Metadata(title=""))
    assert [block.text for block in document.blocks[:2]] == ["各位會員及家屬：", "大家好！"]
    assert [plain(line) for line in document.blocks[-1].lines] == [
        "中心主任", "李美玲", "2024年5月20日"]
    reasons = {drop["text"]: drop["reason"] for drop in report["dropped"]}
    assert reasons["地址：九龍觀塘協和街123號地下"] == "e-mail debris: signature contact details"
    assert document.metadata.date == "2024-05-20"


def test_a_newsletter_mailed_keeps_its_masthead_and_its_letters_greeting():
    """A parish's newsletter sent to its mailing list: the line over the title the subject
    names (`St Mary's, Holbeck` over `The Messenger -- May 2025`) is its publisher, the
    opener's organisation (it had gone as the sender's covering note), and `Dear friends,`
    under `A letter from the Vicar` greets the letter's readers, kept (it had gone as the
    mail's own greeting)."""
    from pipeline.readers.scraped import read_scraped

    path = Path(__file__).parent / "texts" / "mail" / "parish-newsletter-mail.txt"
    document, report = read_scraped(path, Metadata(title=""))
    assert document.metadata.title == "The Messenger\u00a0\u2013 May 2025"
    assert document.metadata.organisation == "St\u00a0Mary\u2019s, Holbeck"
    assert [block.text for block in document.blocks[:2]] == ["A letter from the Vicar",
                                                            "Dear friends,"]
    dropped = {drop["text"] for drop in report["dropped"]}
    assert "Dear friends," not in dropped


@pytest.mark.parametrize(("signature", "organisation"), [
    ("Karen Whitfield | Chief Executive\nSt Columba's Hospice, Lanark Road, Edinburgh EH14 2QT",
     "St\u00a0Columba\u2019s Hospice"),
    ("Karen Whitfield | Chief Executive\nLanark Road, Edinburgh EH14 2QT", ""),
])
def test_the_body_a_signatory_names_in_the_signature_under_the_text_publishes_it(
        signature, organisation):
    """A chief executive's review forwarded for the annual report, its signature under its
    sign-off (gone, as its telephone numbers): the body it names is the organisation the
    opener prints, where nothing over the text names one; none where it names none."""
    path = Path(__file__).parent / "texts" / "mail" / "hospice-review-forwarded.txt"
    text = path.read_text(encoding="utf-8").replace(
        "Karen Whitfield | Chief Executive\nSt Columba's Hospice, Lanark Road, Edinburgh "
        "EH14 2QT", signature)
    document, report = scraped_document(path.stem, text, Metadata(title=""))
    assert document.metadata.title == "Chief Executive\u2019s Review 2023/24"
    assert document.metadata.organisation == organisation
    assert [plain(line) for line in document.blocks[-1].lines] == [
        "Karen Whitfield", "Chief Executive"]


def test_a_newsletters_mail_loses_its_footer_its_logos_and_its_buttons():
    """A newsletter sent through a mailing service: its footer, from the copyright line to
    the end (the reader's address, the links to unsubscribe, the postal address, the
    service's logo), is the mail's, though no sentence closes over it; the logos by their
    alternative text and the buttons under the sections (`See all events`, `Make a gift`)
    go; the sign-off is the editor's closing, name and office."""
    path = Path(__file__).parent / "texts" / "mail" / "alumni-spring-bulletin.txt"
    document, report = scraped_document(path.stem, path.read_text(encoding="utf-8"),
                                        Metadata(title=""))
    texts = [text for block in document.blocks
             for text in (block.texts if hasattr(block, "texts") else [block.text])]
    for gone in ("logo", "chris.tam@example.com", "unsubscribe", "Quay Building",
                 "See all events", "Make a gift"):
        assert not [text for text in texts if gone in text], gone
    assert document.blocks[-1].texts == ["With best wishes,", "Amira Lewis",
                                         "Head of Alumni Relations", "Harbourside University"]
    reasons = {drop["text"]: drop["reason"] for drop in report["dropped"]}
    assert reasons["This email was sent to chris.tam@example.com"] == "e-mail debris: e-mail footer"


BULLETIN_HEADER = ("From: Secretary <secretary@example.org.uk>\nSent: 3 March 2025 10:02\n"
                   "To: Members\nSubject: Spring Bulletin 2025\n\n")
BULLETIN = ("Spring Bulletin 2025\n\n"
            "Our annual meeting will be held in the hall on 12 April, and every member is "
            "welcome to attend and to vote on the new constitution.\n\n"
            "The garden working party meets on the first Saturday of each month, and new "
            "hands are always wanted.\n")


@pytest.mark.parametrize("masthead", ["Eastbrook Residents' Association", "Kingsmead Rowing Club"])
def test_a_line_over_the_title_the_subject_names_is_the_publisher_not_a_covering_note(masthead):
    text = f"{BULLETIN_HEADER}{masthead}\n{BULLETIN}"
    document, report = scraped_document("bulletin", text, Metadata(title=""))
    assert document.metadata.title == "Spring Bulletin 2025"
    assert document.metadata.organisation.replace("\u2019", "'") == masthead
    assert report["e_mail_debris"] == 4  # the header alone


def test_a_covering_note_over_the_title_the_subject_names_still_goes():
    note = "Here is the final text for the printers, with the corrections made."
    text = f"{BULLETIN_HEADER}{note}\n\n{BULLETIN}"
    document, report = scraped_document("bulletin", text, Metadata(title=""))
    assert document.metadata.title == "Spring Bulletin 2025"
    assert note in {drop["text"] for drop in report["dropped"]}


def test_a_covering_note_over_a_title_the_subject_names_in_other_words_goes_with_its_sender():
    """A tribute sent to the bulletin under a covering note: the title (`A tribute to Peggy
    O'Donnell`) is named by the subject in other words (`Tribute to Margaret "Peggy"
    O'Donnell for the staff bulletin`), so the note over it (`Here is the final text …`,
    `Thanks,` over `Julia`) goes, and so does the sender's signature under the tribute's own
    sign-off (both had been printed, the signature inside the sign-off)."""
    from pipeline.readers.scraped import read_scraped

    path = Path(__file__).parent / "texts" / "mail" / "retirement-tribute-covering-mail.txt"
    document, report = read_scraped(path, Metadata(title=""))
    assert document.metadata.title == "A tribute to Peggy O\u2019Donnell"
    assert document.blocks[0].text.startswith("After 41\u00a0years at Northdale")
    assert [plain(line) for line in document.blocks[-1].lines] == [
        "Dr\u00a0Ken Abara", "Director of Nursing"]
    reasons = {drop["text"]: drop["reason"] for drop in report["dropped"]}
    assert reasons["Here is the final text for the bulletin."].endswith("covering note, over "
                                                                         "the text titled as "
                                                                         "the mail's subject")
    assert reasons["Internal Communications Manager"] == (
        "e-mail debris: signature of the mail's sender, under the text's sign-off")


def test_a_reply_carrying_a_text_titled_with_its_year_drops_its_covering_note():
    """An Outlook reply carrying a director's review: `Subject: RE: Director's review for the
    annual review - final?` names the text's title, `Director's Review 2024-25`, though the
    title adds the year it reviews; the note over it (`Here's the final text …`, `Thanks,`
    `H`) is the sender's (it had been printed, the subject the title), and `[Image: …]` over
    its caption is a figure."""
    path = Path(__file__).parent / "texts" / "mail" / "museum-director-outlook-reply.txt"
    document, report = read_scraped(path, Metadata(title=""))
    assert document.metadata.title == "Director\u2019s Review 2024\u201325"
    assert document.metadata.organisation == "Greyhaven Museums Trust"
    said = " ".join(getattr(block, "text", "") for block in document.blocks)
    assert "final text" not in said and "Thanks, H" not in said
    assert sum(isinstance(block, Figure) for block in document.blocks) == 1
    assert document.blocks[-1].texts == ["Harriet Oyelaran", "Director, Greyhaven Museums Trust"]


def test_a_newsletter_copied_from_gmails_web_view_loses_its_view():
    """Gmail's web view copied round a school's newsletter: `Inbox`, the sender with its
    address and `Unsubscribe`, `Fri, 28 Mar, 15:42 (2 days ago)` and `to me` go as the mail
    program's (they had been the title and a block of lines); the subject over them titles
    it."""
    path = Path(__file__).parent / "texts" / "mail" / "school-newsletter-gmail.txt"
    document, report = read_scraped(path, Metadata(title=""))
    assert document.metadata.title == "Fernside Primary News\u00a0\u2013 Spring Term 2025"
    reasons = {drop["text"]: drop["reason"] for drop in report["dropped"]}
    for line in ("Inbox", "Fri, 28\u00a0Mar, 15:42 (2\u00a0days ago)", "to me",
                 "Fernside Primary School <newsletter@fernsideprimary.sch.uk> Unsubscribe"):
        assert reasons[line] == "e-mail debris: the mail program's lines round the mail"


@pytest.mark.parametrize("line", [
    "Monday, 7 October 2024, 6:30 pm", "Date and time:\nMonday, 7 October 2024, 6:30 pm",
    "Thursday 24 October 2024, 7:00 pm",
    "Enquiries: Ms Jane LEE <jane.lee@khs.org.hk>", "Jane Lee <jane.lee@khs.org.hk>",
])
def test_a_line_shaped_as_a_mail_programs_is_the_texts_away_from_one(line):
    """A meeting's date and time, or an enquiries line naming an address, shaped as a mail
    program's lines round a mail, is the text's where no line only a mail program writes
    (`Inbox`, `to me`, `… (2 days ago)`) stands near it: it had been dropped as the mail
    program's, the meeting's date lost."""
    text = ("Committee meeting\n\nThe next meeting will be held as follows.\n\n"
            f"{line}\n\nMembers are asked to confirm attendance.")
    document, report = scraped_document("notice", text, Metadata(title=""))
    said = " ".join(getattr(block, "text", "") for block in document.blocks)
    # (its spaces bound as the house style binds them)
    assert all(row in said.replace("\u00a0", " ") for row in line.split("\n"))
    assert report["dropped"] == []


def test_a_forwarded_report_titled_by_its_subjects_initials_drops_both_notes():
    """A report forwarded twice, its subject shortened to initials (`HM annual report 2024`
    for `Harbour Master's Report 2024`): the forwarder's note and the covering line over the
    title go (the covering line had been printed, the forward's subject the title); the
    title, organisation and byline are the text's; its sign-off keeps the role and the body
    under the name, the telephone numbers and the address under them go, and the postscript
    after them stays (they had been printed in the sign-off)."""
    path = Path(__file__).parent / "texts" / "mail" / "pilots-association-forwarded-report.txt"
    document, report = read_scraped(path, Metadata(title=""))
    metadata = document.metadata
    assert (metadata.title, metadata.organisation) == (
        "Harbour Master\u2019s Report 2024", "Humber Pilots\u2019 Association")
    assert document.byline.role == "Harbour Master"
    said = " ".join(getattr(block, "text", "") for block in document.blocks)
    assert "Attached below" not in said and "Forwarding" not in said
    (sign_off,) = [block for block in document.blocks if isinstance(block, SignOff)]
    assert sign_off.texts == ["With best wishes,", "Tomasz Wilk", "Harbour Master",
                              "Humber Pilots\u2019 Association"]
    assert document.blocks[-1].text.startswith("P.S. My thanks to the launch crews")


# --- A mail forwarded whole, every line of it quoted ---------------------------------------

QUOTED_FORWARD = Path(__file__).parent / "texts" / "mail" / "allotments-outlook-forward-quoted.txt"


def test_a_mail_forwarded_whole_under_quote_marks_is_read_as_its_text():
    """Outlook's forward of a forward: every line under the header of the mail forwarded
    opens with "> > " (RFC 3676, 4.5: a quote within a quote). The quoted mail is the text:
    its marks go, nested ones too, and its title, heading, list and sign-off are read as
    they would be unquoted; dated as the mail forwarded was sent, nothing in it dating it."""
    document, _ = scraped_document("report", QUOTED_FORWARD.read_text(), Metadata(title=""))
    assert document.metadata.title == "A season of new growers"
    assert document.metadata.date == "2025-02-28"
    kinds = [type(block).__name__ for block in document.blocks]
    assert kinds == ["Paragraph", "Paragraph", "Heading", "Paragraph", "List", "Paragraph",
                     "SignOff"]
    assert [plain(line) for line in document.blocks[-1].lines] == [
        "Yours sincerely,", "Graham Pike", "Chair"]
    assert not any(">" in plain(block.spans) for block in document.blocks
                   if isinstance(block, Paragraph))


@pytest.mark.parametrize("marks", ["> ", ">> ", "> > "])
def test_a_webmail_forward_quoted_to_the_end_loses_its_marks(marks):
    body = f"{THANKS}\n\n{MORE}\n\nBest wishes,\nAnn Lee\nChief Executive"
    quoted = "\n".join(f"{marks}{line}".rstrip() for line in body.split("\n"))
    text = ("---------- Forwarded message ---------\n"
            "From: Harbour Orchestra <news@example-orchestra.org.hk>\n"
            "Date: Fri, 14 Mar 2025 at 17:42\nSubject: A season to remember\n"
            f"To: Ann Lee <ann@example-orchestra.org.hk>\n\n{quoted}\n")
    document, _ = scraped_document("message", text, Metadata(title=""))
    assert [plain(block.spans) for block in document.blocks[:2]] == [THANKS, MORE]
    assert isinstance(document.blocks[-1], SignOff)
    assert document.metadata.date == "2025-03-14"


def test_a_newsletters_social_icons_under_its_sign_off_go():
    """A newsletter's icons linking to its body's accounts, copied as their alternative texts
    (`YouTube icon`, `Website icon`) under its sign-off: its pictures' words, not the
    signer's, listed as dropped."""
    text = (f"Parish Pump\n\n{THANKS}\n\nWith best wishes,\n\nAmara Osei\nEditor\n\n"
            "LinkedIn icon\nYouTube icon\nWebsite icon\n\n"
            "Copyright \u00a9 2025 Millbrook Parish Council, All rights reserved.\n")
    document, report = scraped_document("mail", text, Metadata(title=""))
    sign_off = document.blocks[-1]
    assert isinstance(sign_off, SignOff)
    assert [plain(line) for line in sign_off.lines] == ["With best wishes,", "Amara Osei",
                                                        "Editor"]
    dropped = {drop["text"] for drop in report["dropped"]}
    assert {"LinkedIn icon", "YouTube icon", "Website icon"} <= dropped
