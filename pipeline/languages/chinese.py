"""Traditional Chinese as Hong Kong writes it (zh-HK; also zh, zh-Hant): the house style's.

A text is Chinese when it holds at least as many Han characters as Latin words. Cleaning
changes punctuation and spacing only, never a character, word or figure: full-width
punctuation where a half-width mark follows a Chinese character (at a line's end too) or
stands before one, parentheses opened beside one, 「」 outside and 『』
inside, the ellipsis …… and the dash —— (two characters each), no space between a Chinese
character and a figure. A heading has no closing 。 (a question ends ？); a byline puts the
role before the name; lists count 一、二、; dates read 2024年12月. Chinese is never
hyphenated nor slanted, and a justified line is spread between its characters; its faces
are the layouts' `chinese_body_font` and `chinese_heading_font` (layouts/fonts/chinese.css).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence

from pipeline.languages.profile import (
    CURRENCY_CODES,
    CURRENCY_SIGNS,
    LATIN_WORD,
    Encoding,
    Furniture,
    LazyPattern,
    Measure,
    Numerals,
    Profile,
    ReaderWords,
    iso_date,
    open_quotes,
)

# The line a mail program sets over a mail forwarded: "---------- 轉寄的郵件 ----------".
FORWARDED_MESSAGE = r"(?:轉寄|轉發|转发)的?(?:郵件|邮件|訊息|信息)"
# Han characters: the unified ideographs and their extensions, compatibility ideographs, 〇.
HAN_RANGES = (
    "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002a6df\U0002a700-\U0002ebef\U00030000-\U0003134f"
)
# Brackets and quotes, each drawn in the half of its em nearer the words it encloses, and
# the marks of a pause or a stop (clreq 3.1.6.2).
# The curly quotes too, set full width by the Chinese faces (the mainland's “…”).
OPENING_BRACKETS = "\u300c\u300e\uff08\u300a\u3008\u3010\u3014\u201c\u2018"  # 「『（《〈【〔“‘
CLOSING_BRACKETS = "\u300d\u300f\uff09\u300b\u3009\u3011\u3015\u201d\u2019"  # 」』）》〉】〕”’
STOPS = "\uff0c\u3002\u3001\uff1b\uff1a\uff1f\uff01"  # ，。、；：？！

# Who made a news page's text, in its dateline or under the text: its source, author,
# photographer and editors; and what else a dateline counts (its readers).
# A day, its weekday and its time perhaps with it, as a listing of events heads each one:
# "4月12日（星期六）上午10時至下午4時", "2025年4月27日 14:00".
CLOCK = r"(?:上午|下午|晚上|中午)?\d{1,2}(?:[:：]\d{2}|時|时|點|点)(?:\d{1,2}分|半)?"
# A day's weekday in brackets after it: "（星期二）", "(周二)".
WEEKDAY = r"[（(](?:星期|週|周|禮拜|礼拜)[一二三四五六日天][）)]"
WHEN = LazyPattern(rf"(?:\d{{4}}年)?\d{{1,2}}月\d{{1,2}}日"
                   rf"(?:{WEEKDAY})?"
                   rf"(?:\s*{CLOCK}(?:\s*(?:至|到|[-–])\s*{CLOCK})?)?")
WHEN_LED = LazyPattern(rf"(?:{WHEN.pattern})[，,：:\s\u3000]+\S.*")
# A yearly report and its year: "2023-24年報", "二零二三至二四年度年報", "年报2024".
HAN_DIGITS = "〇零一二三四五六七八九"
YEAR_DIGITS = rf"(?:\d{{4}}|[{HAN_DIGITS}]{{4}})"
ISSUE = LazyPattern(rf"(?:{YEAR_DIGITS}(?:[-–至](?:\d{{2,4}}|[{HAN_DIGITS}]{{2,4}}))?"
                    r"(?:年度?)?\s*)?(?:年報|年报|年度報告|年度报告)\s*(?:\d{4}(?:[-–]\d{2,4})?)?")
# A line led by a time of day or a span of them, then what happens then ("下午2時 開幕禮").
TIMED = LazyPattern(rf"{CLOCK}(?:\s*(?:至|到|[-–])\s*{CLOCK})?[，,：:\s\u3000]+\S.*")
# A body's name alone: Chinese characters ending with a word for a body (協會, 基金會, 中心, 署).
BODY = (rf"[{HAN_RANGES}]{{2,}}(?:協會|协会|學會|学会|商會|商会|聯會|联会|總會|总会|基金會|基金会"
        r"|信託基金|信托基金|信託|信托"
        r"|委員會|委员会|董事會|董事会|公司|集團|集团|中心|博物館|博物馆|圖書館|图书馆|大學|大学"
        r"|學院|学院|書院|书院|學校|学校|醫院|医院|研究所|研究院|社|團|团|署|局|處|处|部)")
MAX_BODY_CHARACTERS = 20
# The words that call someone by their office in running words, as a caption does and no
# byline: "我們的主席".
CALLED = ("我們的", "我们的", "我的")
# A label naming the author before the name, as a byline writes it once: "撰文：黃志明",
# "文／黄志明", "作者：社區發展部經理 黃志明".
AUTHOR_LABEL = LazyPattern(r"(?:撰文|作者|撰稿|執筆|执笔|文)\s*[:：/／]\s*(?=\S)")
# A page's choice of its type's size: "字号：大 中 小"; with the tools beside it, which
# cleaning runs into it (a character alone keeps no space beside it): "字號：大中小列印本頁",
# "字号大中小打印本页关闭窗口".
TYPE_SIZE = (r"(?:字號|字号|字體|字体|字級|字级)\s*[:：]?\s*(?:大\s*中\s*小|小\s*中\s*大)"
             r"(?:\s*(?:(?:列印|打印)(?:本頁|此頁|本页|此页)?|(?:關閉|关闭)(?:窗口|視窗|视窗)))*")
CREDIT = (r"(?:來源|来源|作者|撰稿|記者|记者|通訊員|通讯员|攝影|摄影|圖片|图片|責任編輯|责任编辑"
          r"|編輯|编辑|審核|审核|審稿|审稿|校對|校对)")
# A WeChat article's credits, each label and its names parted by a bar ("摄影 | 王磊 李想"):
# more labels than a news page's, which a colon follows.
BARRED_CREDIT = (r"(?:圖片來源|图片来源|圖源|图源|責編|责编|美編|美编|排版|文字|文案|策劃|策划|統籌"
                 r"|统筹|視頻|视频|初審|初审|終審|终审|" + CREDIT[3:])
# The names after a credit's bar: "王磊 李想 陈一帆", "党委宣传部 图源网络".
CREDIT_NAMES = r"[^\s:：|｜]{1,12}(?:\s+[^\s:：|｜]{1,12}){0,5}"
# A field's value on a page's line of fields: a word or two, or a credit in brackets, which
# may hold a space ("作者：（通讯员 张三）").
FIELD_VALUE = r"(?:[（(][^）)\n]{1,20}[）)]|[^\s【】]{1,20})"
# How long a post takes to read, in its byline: "閱讀時間 4 分鐘", "阅读时间：约4分钟".
READING_TIME = r"(?:閱讀|阅读)(?:時間|时间)\s*[:：]?\s*(?:約|约)?\d+\s*分(?:鐘|钟)"
PAGE_FIELD = (r"(?:瀏覽次數|浏览次数|瀏覽量|浏览量|閱讀次數|阅读次数|閱讀量|阅读量"
              r"|點閱次數|点阅次数|點擊數|点击数|點擊|点击|訪問量|访问量)")
# Whom a letter's, a speech's or a notice's greeting addresses: "各位會員", "亲爱的2024级新同学们",
# "各部门、各单位".
ADDRESSEE = (r"(?:(?:各位|諸位|诸位|(?:親愛|亲爱|敬愛|敬爱|尊敬)的|致)?.{0,8}?"
             r"(?:同事|同仁|同工|朋友|會員|会员|家長|家长|先生|女士|小姐|主席|經理|经理"
             r"|老師|老师|教授|博士|醫生|医生|閣下|阁下|大家|您|你|同學|同学|校友"
             r"|校長|校长|院長|院长|會長|会长|局長|局长|司長|司长"
             r"|來賓|来宾|嘉賓|嘉宾|街坊|鄉親|乡亲|股東|股东|持份者|委員|委员|議員|议员"
             r"|市民|讀者|读者|校友|師生|师生|義工|义工|同志|領導|领导|代表"
             r"|家屬|家属|長者|长者|居民|學生|学生|員工|员工|成員|成员|夥伴|伙伴)(?:們|们)?"
             # the name of the one so titled in brackets, as a speech greets its chair:
             # "梁主席（梁志明教授）"
             r"(?:[（(][^（）()，、,:：]{2,12}[）)])?"
             # an official notice's offices, each "各" (GB/T 9704's 主送机关): "各部门",
             # "各区教育局", "国务院各部委"; a label ("主办单位：") is none
             r"|[^，、,:：]{0,8}?各[^，、,:：]{0,8}?(?:部門|部门|單位|单位|機構|机构|機關|机关"
             r"|部委|學校|学校|院校|政府|委員會|委员会|辦事處|办事处|局|處|处|廳|厅|署|院|會|会))")
# Thanks, which may name those thanked as a greeting names them ("謝謝大家！").
THANKS = "謝謝|谢谢|感謝|感谢|多謝|多谢"
# Punctuation set with Chinese: CJK symbols and punctuation, full-width forms, bopomofo.
# The longest Chinese name: a compound surname and a given name of two (歐陽志豪, 司徒美華).
NAME_LENGTH = 4
PUNCTUATION_RANGES = "\u3000-\u3006\u3008-\u303f\u3100-\u312f\ufe30-\ufe4f\uff00-\uff65"
HAN = f"[{HAN_RANGES}]"
# A Han character or a punctuation mark only Chinese (or Japanese) text uses.
CHINESE_CHARACTER = f"[{HAN_RANGES}{PUNCTUATION_RANGES}]"
# A run of Chinese: Chinese characters (with the ellipsis, dash and middle dot they share
# with Latin text), and what may stand between two of them: a space, figures or one Latin
# word ("2024年", "第3季", "主席 莫慧琳", "香港大學HKU的").
RUN_CHARACTER = f"[{HAN_RANGES}{PUNCTUATION_RANGES}\u2026\u2014\u00b7]"
RUN_GAP = r"(?: ?[A-Za-z0-9.,%&'/\u2013-]{1,20} ?| )"
CHINESE_RUN = f"{RUN_CHARACTER}(?:{RUN_GAP}?{RUN_CHARACTER})*"

# Chinese numerals as lists count with them: 一 to 九, and 十 for ten (十一, 二十, 二十三).
# The units and measure words a figure keeps with it, in either writing (Simplified Chinese
# is Chinese but for its characters): large numbers, money, dates and times, counts, measures.
UNITS = ("億亿萬万千百%％‰元圓圆港美年月日號号時时分秒週周天歲岁個个名人次項项宗間间座架艘"
         "輛辆條条份倍成位部所隻張张本頁页章節节篇款類类種种米里克噸吨升度℃多餘余戶户星期"
         # measures written in two characters or more: 兆瓦, 吉瓦, 公里, 公頃, 毫米, 平方米, 立方米
         "兆吉瓦公頃顷毫厘平立方")
HAN_DIGITS = {digit: value for value, digit in enumerate("一二三四五六七八九", 1)}
HAN_NUMERAL = f"[{''.join(HAN_DIGITS)}十]{{1,3}}"
# A circle typed for the numeral zero beside a numeral (`一九八○年`, `二Ｏ二四`: a white or a
# large circle, a full-width O, a Latin O between two numerals), which reads as a circle to
# a screen reader and a search: the numeral zero 〇.
NUMERAL_ZERO = LazyPattern(rf"(?<=[{''.join(HAN_DIGITS)}\u3007])[\u25cb\u25ef\uff2f]"
                           rf"|[\u25cb\u25ef\uff2f](?=[{''.join(HAN_DIGITS)}\u3007])"
                           rf"|(?<=[{''.join(HAN_DIGITS)}\u3007])O(?=[{''.join(HAN_DIGITS)}\u3007])")

# Half-width marks and their full-width forms.
FULL_WIDTH = {",": "\uff0c", ".": "\u3002", ";": "\uff1b", ":": "\uff1a", "?": "\uff1f",
              "!": "\uff01", "(": "\uff08", ")": "\uff09"}


def beside(quotes: str) -> str:
    """A half-width mark after a Chinese character or one of the language's `quotes`,
    wherever it stands (line ends included), or before one but not between figures ("2,700"
    stays); a full stop only between them or ending the line, so "2.98億" keeps its point.
    Spaces beside it are dropped."""
    chinese = chinese_class(quotes)
    return (rf"(?<={chinese}) *([,;:?!]) *|(?<={chinese}) *(\.) *(?={chinese})"
            rf"|(?<={chinese}) *(\.)$|(?<! ) ?([,;:?!]) ?(?={chinese})")


def chinese_class(quotes: str) -> str:
    """A Chinese character or mark, or one of the language's `quotes`, as a regex."""
    return f"[{HAN_RANGES}{PUNCTUATION_RANGES}{quotes}]"


# A figure as Chinese prose writes one, its range and its percent sign too: "96", "15.6",
# "5-8%"; a space before its sign too ("4.1 %"), which cleaning then closes up.
FIGURE = r"\d[\d,]*(?:\.\d+)?(?:[-\u2013~\uff5e]\d[\d,]*(?:\.\d+)?)?(?: *[%\uff05\u2030])?"


def figure_stops(line: str, quotes: str) -> str:
    """A full stop after a figure that follows a Chinese character, ending the line or before
    another ("出租率回升至96%.此外", "為96."), made full width: the sentence's, as its point
    would have a figure after it; but not an item's number after a colon ("附件：1.東湖…").
    The figure may stand a space from the character ("下降 6.8%.本公司"): cleaning closes
    that space only after, so the stop is found with it."""
    chinese = chinese_class(quotes)
    return re.sub(rf"(?<={chinese}) *({FIGURE}) *\.(?=$|{chinese})",
                  lambda stop: stop.group() if ITEM_NUMBER.match(stop.string, stop.start() - 1)
                  else stop.group(1) + "\u3002", line)


# An item's number after a colon, its text after it: "附件：1.東湖片區…".
ITEM_NUMBER = LazyPattern(rf"[:\uff1a] *\d{{1,2}}\.(?=[{HAN_RANGES}])")


# A Chinese numeral opening a line with a full stop after it ("一. 服務回顧"): a section's or
# an item's number, which Chinese follows with the enumeration comma, never a full stop.
NUMERAL_STOP = LazyPattern(rf"^(\s*)({HAN_NUMERAL})\s*[.\uff0e]\s*(?=[{HAN_RANGES}])")


# Three or more dots, or one or more ellipses ("...", "。。。", "…", "⋯⋯"): the ellipsis ……
ELLIPSIS = LazyPattern(r" *(?:\.{3,}|\u3002{3,}|[\u2026\u22ef]+) *")
# Two or more hyphens, a dash or two, box-drawing lines standing for one: the dash ——
# (Four hyphens or more draw a rule, and are left as drawn.)
DASH = LazyPattern(r" *(?:(?<!-)-{2,3}(?!-)|\uff0d{2,}|[\u2014\u2015\u2500]+) *")

# A range's end after its single dash: a figure, or the next day's or year's ("22:00—次日
# 6:00"); and what its start ends with: a figure, or a date's unit ("2月3日—10日").
RANGE_END = LazyPattern(r"(?:次日|翌日|次年|翌年|同日)?\d")
RANGE_START_ENDS = "年月日時时"


def dash_of(dash: re.Match) -> str:
    """The dash —— for what stands for one; but a single dash between figures, dates or
    times is a range's, one em wide (連接號, GB/T 15834-2011, 4.13: "2023—2024年", "第3—5
    頁", "22:00—次日6:00"), kept; and a dash alone (a table's cell for none) is one em."""
    text, start, end = dash.string, dash.start(), dash.end()
    if not text[:start].strip() and not text[end:].strip():
        return "\u2014"
    if (dash.group() == "\u2014" and 0 < start and end < len(text)
            and (text[start - 1].isdigit() or text[start - 1] in RANGE_START_ENDS)
            and RANGE_END.match(text, end)):
        return dash.group()
    return "\u2014\u2014"


# A hyphen before a figure where no range's first figure stands before it: a minus sign
# ("-2.6%", "增長-2.6%", "（-3）"), set as one, as the house style sets a negative figure.
# A code's part after a character after its figures is none ("鄂ICP备05003529号-1").
MINUS = LazyPattern(rf"(?:(?<=^)|(?<=[\s(\[\uff08\uff1a:\uff0c\u3001{HAN_RANGES}]))"
                    rf"(?<!\d[{HAN_RANGES}])-(?=\d)")

# A space between a Chinese character and a figure ("2024 年"): Chinese sets none.
# Nor between a figure and the sign of its unit ("3.5 %", "25 °C"), which a line never parts
# from it (clreq 3.4.2); the house style writes 41%.
UNIT_SIGN = "(?:\u00b0[CF]?|[%\uff05\u2030\u2103\u2109])"  # ° °C °F % ％ ‰ ℃ ℉
SPACED_UNIT = LazyPattern(rf"(?<=\d) +(?={UNIT_SIGN})")
SPACED_FIGURE = (rf"(?<=[{HAN_RANGES}]) +(?=\d(?:[\d,.]*\d)?{UNIT_SIGN}?(?![A-Za-z\d]))"
                 rf"|(?<![A-Za-z\d.,])(\d(?:[\d,.]*\d)?{UNIT_SIGN}?) +(?=[{HAN_RANGES}])")
# Nor round a Latin term (up to five words, letters and figures, an address) that Chinese
# holds on both sides, a character or its punctuation: "並與 Google 及 Microsoft 等",
# "有 5G 網絡", "電郵至 enquiry@immd.gov.hk。" (clreq 3.4: the gap is the typesetter's, not a
# space). An English phrase ending its line keeps its space: "主席報告 Chairman's Report"
# is two titles; so does English's short joining word between Chinese names, in an English
# sentence ("歐陽志豪 and 陳大文 replied"), and a name a bar parts ("會訊 Newsletter｜…").
# (An address cleaning set aside stands as a private-use mark: a term too; so are brackets
# left half-width, an English phrase's: "與 Mr. Smith (U.K.) 及".)
LATIN_TERM = r"\+?[A-Za-z\d\ue000-\uf8ff(][A-Za-z\d.,@/:&'’+_()\ue000-\uf8ff-]*"
HELD_BEFORE = "\u300c\u300e\uff08\u300a\u3008\uff0c\u3001\uff1b\uff1a"  # 「『（《〈，、；：
HELD_AFTER = "\uff0c\u3002\u3001\uff1b\uff1a\uff1f\uff01\u300d\u300f\uff09\u300b\u3009"
SPACED_TERM = LazyPattern(rf"(?<=[{HAN_RANGES}{HELD_BEFORE}]) *"
                          rf"({LATIN_TERM}(?: {LATIN_TERM}){{0,4}}) *"
                          rf"(?=[{HAN_RANGES}{HELD_AFTER}])")
# An amount's currency, a sign or a code, held in Chinese before its figure ("批出 HK$ 1.2億",
# "為 RMB 50元"): one with its figure, and set against the Chinese with no space, as a Latin
# term is (the house style's HK$24 billion, 約2.98億).
CURRENCY = rf"(?:[A-Z]{{1,3}})?[{CURRENCY_SIGNS}]|(?:{CURRENCY_CODES})(?![A-Za-z])"
SPACED_AMOUNT = LazyPattern(rf"(?:(?<=[{HAN_RANGES}{HELD_BEFORE}])|^) *({CURRENCY}) *(?=\d)")
# The edge between Han characters and Latin letters or figures: a word's edge in a heading.
SCRIPT_EDGE = LazyPattern(rf"(?<={HAN})(?=[A-Za-z\d])|(?<=[A-Za-z\d])(?={HAN})")
HAN_RUN = LazyPattern(f"{HAN}+")
# Where an author parted a heading's words: a space beside a Han character or a Chinese mark
# (`二〇二四至二五年度年報 第三章`; one inside a Latin phrase parts no Chinese words), a colon.
HEADING_PART = LazyPattern(rf"(?<=[{HAN_RANGES}{CLOSING_BRACKETS}{STOPS}]) +(?=\S)"
                           rf"|(?<=\S) +(?=[{HAN_RANGES}{OPENING_BRACKETS}])|\uff1a")
MIN_NAME_OPENING = 4  # characters: shorter, a shared start is a word's ("本會"), no name's
# A space between two Chinese characters: a stray one where a character stands alone beside
# it among words ("暑期 社 區 實習計劃", a name spaced out, "陳 嘉 明 敬上": no space parts a
# Chinese word, nor a name's characters); one between two words of two characters or more
# (a figure's with it: "3月8日 下午4:15") may part a role from a name ("校長 陳嘉明") or two
# wishes ("新年快樂 闔家平安"), and stays; so do spaces between characters each alone, a
# row of a page's tools ("字號：大 中 小") or a heading spaced out for display. In a
# sentence (its marks say so: "區議會 繼續改善 社區設施。") every such space is a stray one.
HAN_CHARACTER = LazyPattern(HAN)
HAN_SPACE = LazyPattern(rf"(?<={HAN}) +(?={HAN})")
IN_SENTENCE = LazyPattern("[\uff0c\u3002\uff1b\uff1f\uff01]")  # ，。；？！
SPACED_WORDS = LazyPattern(rf"[{HAN_RANGES}\d]+(?: +[{HAN_RANGES}\d]+)+")
# A section's compound number opening a line ("2.1", "3.2.1"): a year alone is none.
SECTION_NUMBER = r"\d{1,2}(?:\.\d{1,2})+\.?"
# Spaces around full-width punctuation, which carries its own space.
SPACED_PUNCTUATION = LazyPattern(r" *([\u3001\u3002\uff0c\uff1b\uff1a\uff1f\uff01"
                                 r"\u300c-\u300f\uff08\uff09\u300a\u300b\u3008\u3009]) *")
QUOTES = "\"'\u201c\u201d\u2018\u2019"

# 2024年7月, 2024年7月15日, 二〇二四年十二月
# (The dates' patterns, and the sentence's marks, are compiled as the languages are imported,
# not on first use: the writers use them too, in each of the workers forked after that.)
YEAR_DIGITS = "〇一二三四五六七八九"  # and 零 for 〇: a year written digit by digit
NUMERIC_DATE = re.compile(r"(?<!\d)(?P<year>\d{4})(?P<mark>[-/.])(?P<month>\d{1,2})(?P=mark)"
                          r"(?P<day>\d{1,2})(?!\d)")
# A Taiwan text counts its years in the Republic's era, from 1912: "中華民國114年3月" is March
# 2025.
REPUBLIC_YEAR = rf"(?:中華|中华)?(?:民國|民国)(?P<republic>\d{{1,3}}|[{YEAR_DIGITS}]{{2,3}})"
DATE = re.compile(rf"(?:(?P<year>\d{{4}}|[{YEAR_DIGITS}零]{{4}})|{REPUBLIC_YEAR})年"
                  rf"(?P<month>\d{{1,2}}|{HAN_NUMERAL})月(?:(?P<day>\d{{1,2}}|{HAN_NUMERAL})日)?")
# A date written alone, its weekday in brackets perhaps after its day: "2025年6月3日（星期二）".
DATE_ALONE = LazyPattern(rf"(?:{DATE.pattern})(?:(?<=日)\s*{WEEKDAY})?")
REPUBLIC_ERA = 1911  # the year before the Republic's first
# A month (its year perhaps before it), a year, a season or a quarter: "三月", "2024年3月",
# "2024年", "第一季", "春季".
# The stretch of time accounts cover, written alone under their title: "截至2024年3月31日止
# 年度", "二零二三年四月一日至二零二四年三月三十一日".
DAY = re.sub(r"\(\?P<\w+>", "(?:", DATE.pattern)  # a date, its parts unnamed
PERIOD_COVERED = LazyPattern(rf"(?:截至|截至於|截至于)?(?:{DAY})(?:止|為止|为止)"
                             rf"(?:年度|財政年度|财政年度|六個月|六个月)?"
                             rf"|(?:{DAY})(?:至|到|－|—)(?:{DAY})止?")
PERIOD = LazyPattern(rf"(?:(?:\d{{4}}|[{YEAR_DIGITS}零]{{4}})年)?(?:(?:\d{{1,2}}|{HAN_NUMERAL})月"
                     rf"|第[一二三四]季(?:度)?|[春夏秋冬]季)|(?:\d{{4}}|[{YEAR_DIGITS}零]{{4}})年(?:度)?")

# The 661 commonest characters of modern written Chinese, as frequency lists of its corpora
# rank them, in their Traditional forms, then the Simplified forms that differ: three in four
# characters of a Chinese text are among them, of a Big5 text read as GB18030 (or the
# reverse) fewer than one in twenty (measured: README, "Adding a document").
COMMON_CHARACTERS = (
    "的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於著下自之"
    "年過發後作裡用道行所然家種事成方多經麼去法學如都同現當沒動面起看定天分還進好小部其些主樣"
    "理心她本前開但因只從想實日軍者意無力它與長把機十民第公此已工使情明性知全三又關點正業外將"
    "兩高間由問很最重並物手應戰向頭文體政美相見被利什二等產或新己制身果加西斯月話合回特代內信"
    "表化老給世位次度門任常先海通教兒原東聲提立及比員解水名真論處走義各入幾口認條平系氣題活爾"
    "更別打女變四神總何電數安少報才結反受目太量再感建務做接必場件計管期市直德資命山金指克許統"
    "區保至隊形社便空決治展馬科司五基眼書非則聽白卻界達光放強即像難且權思王象完設式色路記南品"
    "住告類求據程北邊死張該交規萬取拉格望覺術領共確傳師觀清今切院讓識候帶導爭運笑飛風步改收根"
    "幹造言聯持組每濟車親極林服快辦議往元英士證近失轉夫令準布始怎呢存未遠叫臺單影具羅字愛擊流"
    "備兵連調深商算質團集百需價花黨華城石級整府離況亞請技際約示復病息究線似官火斷精滿支視消越"
    "器容照須九增研寫稱企八功嗎包片史委乎查輕易早曾除農找裝廣顯吧阿李標談吃圖念六引歷首醫局突"
    "專費號盡另周較注語僅考落青隨選列武紅響雖推勢參希古眾構房半節土投某案黑維革劃敵致陳律足態"
    "護七興派孩驗責營星夠章音跟志底站嚴巴例防族供效續施留講型料終答緊黃絕奇察母京段依批群項故"
    "按河米圍江織害鬥雙境客紀採舉殺攻父蘇密低朝友訴止細願千值仍男錢破網熱助倒育屬坐帝限船臉職"
    "速刻樂否剛威毛狀率甚獨球般普怕彈校苦創假久錯承印晚蘭試股拿腦預誰益陽若哪微尼繼送急血驚伊"
    "堅"
    "这个们来为国说时会对于着过发后里种经么学现当没动还进样开从实军无与长机关点业将两间问并应"
    "战头体见产话内给门儿东声员论处义几认条气题尔别变总电数报结务场计资许统区队决马书则听却达"
    "强难权设记类据边张该规万觉术领确传师观让识带导争运飞风干联组济车亲极办议证转准远台单罗爱"
    "击备连调质团价党华级离况亚请际约复线断满视须写称吗轻农装广显标谈图历医专费号尽较语仅随选"
    "红响虽势参众构节维划敌陈态护兴验责营够严续讲终紧黄绝项围织斗双纪采举杀苏诉细愿钱网热属脸"
    "职乐刚状独弹创错兰试脑预谁阳继惊坚"
)

MAX_HEADING_CHARACTERS = 30
SENTENCE_END = "\u3002\uff01\u2026"  # 。！…: a heading ends in none (a question may end ？)
PHRASE_END = "\uff0c\uff1b\uff1a\u3001"  # ，；：、
# The marks of a Chinese sentence, full width, which English never sets: 、，。：；！？
SENTENCE_MARK = re.compile("[\u3001\u3002\uff0c\uff1a\uff1b\uff01\uff1f]")
MAX_BYLINE_CHARACTERS = 40
COMMA = LazyPattern("[,\uff0c]")
# The honours a name is followed by: the HKSAR's, in both Chinese's forms, straight after it
# ("陳大文太平紳士") or apart, and post-nominals in Latin capitals ("GBS", "JP") after a
# comma or a space. Apart, an honour stands between separators (never a role's "IT").
CHINESE_HONOURS = ("大紫荊勳賢|金紫荊星章|銀紫荊星章|銅紫荊星章|榮譽勳章|太平紳士"
                   "|大紫荆勋贤|金紫荆星章|银紫荆星章|铜紫荆星章|荣誉勋章|太平绅士")
HONOUR = LazyPattern(rf"[\s,\uff0c]*(?:(?<=[\s,\uff0c])(?P<latin>[A-Z]{{2,6}})"
                     rf"|(?P<han>{CHINESE_HONOURS}))(?=$|[\s,\uff0c])")
NAME = rf"[{HAN_RANGES}\u00b7]{{2,8}}"
# The commonest surnames in Hong Kong (compound ones first), and how a name may be followed:
# what shows a byline's name is a person's ("何志偉", "陳嘉明教授", "司徒慧心").
SURNAMES = ("司徒|歐陽|上官|司馬|諸葛|東方|尉遲|公孫|[陳李張黃何林梁吳王劉蔡楊鄭謝郭曾鄧許"
            "馮羅周葉蘇盧朱潘余麥杜袁譚莫鍾胡徐高江彭甘方趙孫馬區尹文石范姚孔廖程韓唐萬伍施湯龐嚴岑邱關"
            "駱翁鄺容溫戴薛雷丁崔蔣魏簡黎賴霍陸傅田呂賀邵鮑談顏凌姜金冼成任左龍柯利車阮游易侯"
            "湛卓洪殷屈董武闞史苗衞衛聶鄒毛宋沈秦倪紀梅巫祁柳夏康單戚藍白符童龔包向季蕭招植古"
            "鄔齊饒熊]")
TITLES = "教授|醫生|博士|先生|女士|律師|工程師"
# The words ending a role that is an office someone holds (both Chinese's forms): under such a
# role, a name with a title is a person's, whatever its surname ("禤家明博士" over "博物館館長").
OFFICES = ("主席|署長|署长|總監|总监|館長|馆长|局長|局长|處長|处长|主任|經理|经理|總裁|总裁"
           "|校長|校长|院長|院长|會長|会长|秘書長|秘书长|董事|總幹事|总干事|專員|专员|司長|司长"
           "|行長|行长|社長|社长|理事長|理事长|總編輯|总编辑|主管|首長|首长|部長|部长|廳長|厅长")


def person_name(surnames: str, titles: str) -> str:
    """A person's name as a regex: a surname of `surnames` and one or two characters, and
    perhaps a title of `titles` after it."""
    return rf"(?:{surnames})[{HAN_RANGES}]{{1,2}}(?:{titles})?"


def titled_name(titles: str) -> str:
    """A name of two to four characters with a title of `titles` after it, as a regex."""
    return rf"[{HAN_RANGES}]{{2,4}}(?:{titles})"



def han_value(numeral: str) -> int:
    """"三" -> 3, "十一" -> 11, "二十" -> 20, "二十三" -> 23."""
    tens, _, units = numeral.rpartition("十")
    if "十" not in numeral:
        return HAN_DIGITS[numeral]
    return 10 * (HAN_DIGITS[tens] if tens else 1) + (HAN_DIGITS[units] if units else 0)


def han_numeral(number: int) -> str:
    """3 -> "三", 11 -> "十一", 20 -> "二十": how Chinese lists count, to 99."""
    digits = " 一二三四五六七八九"
    tens, units = divmod(number, 10)
    return ((digits[tens] if tens > 1 else "") + "十" if tens else "") + digits[units].strip()


# Who speaks in an interview by their part in it, not their name: "主持人：".
INTERVIEW_ROLE = "主持人|記者|记者|嘉賓|嘉宾|訪問者|访问者|受訪者|受访者"


class Chinese(Profile):
    tag = "zh-HK"
    subtitle_dash = True  # a 副题 keeps its ——, on a line of its own (GB/T 15834)
    tags = ("zh",)
    name = "Chinese"
    rule = "chinese-language"
    script = "Hani"
    characters = HAN_RANGES
    phrase = CHINESE_RUN
    words_spaced = False
    word_gap = "\u3000"  # the full-width space
    brackets = ("\uff08", "\uff09")  # full-width
    date_alone = DATE_ALONE
    when = WHEN
    when_led = WHEN_LED
    timed = TIMED
    document_kind = LazyPattern(r"通告|公告|告示|啟事|启事|通知|公示")
    field_label = LazyPattern(r"(?:日期|時間|时间|地點|地点|地址|費用|费用|查詢|查询|電話|电话|電郵"
                              r"|电邮|網址|网址|截止日期|報名|报名|講者|讲者|主辦|主办|對象|对象"
                              r"|名額|名额)\s*[:：]\s*\S")
    period = PERIOD
    period_covered = PERIOD_COVERED
    numeral_characters = "〇零一二三四五六七八九十百千萬万億亿兩两"
    range_joiners = "至"
    punctuation = PUNCTUATION_RANGES
    single_word_repeats = 0  # a phrase is two characters or more
    sentence_ends = "\u3002\uff1b\uff1a\uff01\uff1f"  # 。；：！？
    lead_in_end = "\uff1a"  # the full-width colon
    sentence_break = "[\u3002\uff01\uff1f]"
    notes_headings = ("註釋", "附註", "注釋", "註", "注")
    # The issuer's short name and its kind, the year in brackets (〔〕, or the [] or 〔〕 a copy
    # makes of them), the number: "滨政办发〔2025〕12号", "港府函[2024]3號".
    document_number = r"[\u4e00-\u9fff]{1,12}\s*[〔\[［【(（]\d{4}[〕\]］】)）]\s*\d{1,5}\s*[号號]"
    # A postscript, or the line naming what the letter encloses, after the signature.
    speech_rubric = (r"[^，。；：\n]{2,40}?在[^，。；：\n]{2,60}?上的"
                     r"(?:講話|讲话|致辭|致辞|致詞|致词|發言|发言|演講|演讲)")
    stage_direction = "(?:全場|全场)?(?:掌聲|掌声|笑聲|笑声|鼓掌)(?:及|和)?(?:掌聲|掌声|笑聲|笑声)?"
    audience_reaction = stage_direction
    postscript = ("附言|附筆|又及|(?:附件|附錄|附表)\\s*[:：]"
                  # an official notice's under its signature (GB/T 9704): its note on its
                  # publication, "（此件公开发布）", its copies, "抄送：…", and its record of
                  # printing, "… 2025年3月11日印发"
                  "|[（(](?:此件|本件)|(?:抄送|抄報|抄报)\\s*[:：]|\\S.{0,40}日\\s*印[发發]$")
    closing_wish = "此致|順祝|顺祝|敬祝|祝"
    # The salute the closing wish leads to, on a line of its own under the line addressed
    # ("此致" over "各位家長" over "敬禮"), at the left as the addressee is (頂格).
    closing_salute = "敬禮|敬礼|致敬|台安|鈞安|钧安|時祺|时祺|大安|近安|安好|安康|商祺|教安|崇安"
    ordinal_opening = "[第其][一二三四五六七八九十]{1,3}|最後|最后"
    letter = "(?:信|函)$"  # 家長信, 公開信, 通函: at the subject's end (信息, 信心 are no letters)
    valediction = "此致|謹啟|谨启|敬啟|敬启|敬上|謹上|谨上"
    contact_heading = ("(?:傳媒|传媒|媒體|媒体|新聞|新闻)?(?:查詢|查询|聯絡|联络)(?:人|方法)?"
                       "|(?:聯絡|联络|聯繫|联系)(?:我們|我们)")
    attendance_label = "(?:出席|列席|缺席)(?:者|人士)?"  # Simplified's too: 出席, 列席
    # The verb after a clause or 請 ("如有查詢，請聯絡", "请致电"): "傳媒聯絡" is a noun.
    contact_lead_in = (".*(?:[，,]|請|请)(?:與|与)?(?:聯絡|联络|聯繫|联系|致電|致电|"
                       "電郵至|电邮至|致函|來函|来函)")
    # A street and its number ("觀塘協和街123號"), or a building's floor or room ("海濱大廈5樓").
    address_line = (r"\S{1,20}(?:街|道|路|里|徑|径)\d{1,4}(?:[-–]\d{1,4})?(?:號|号)\S{0,20}"
                    r"|\S{1,20}\d{1,3}(?:樓|楼|室)\S{0,10}")
    photo_credit = (r"(?:圖片|图片|相片|照片|圖文|图文)(?:來源|来源|提供)\s*[:：].{1,40}"
                    r"|(?:攝影|摄影)\s*[:：].{1,40}")
    person = person_name(SURNAMES, TITLES)  # a byline's name that is a person's
    titled = titled_name(TITLES)  # one, whatever its surname, under an office's role
    reader_words = ReaderWords("圖片；說明見下文。", "註{label}", "返回註{label}所在的正文",
                               "照片{number}待補", "（續）", "校樣：{count}幅照片待補",
                               {"*": "星號", "\uff0a": "星號", "\u2020": "劍號",
                                "\u2021": "雙劍號", "\u00a7": "分節號"})
    # Numbered on their own or within their chapter's ("表3.1", "表3-1").
    table_title = rf"表 ?(?:[0-9]+(?:[.\-][0-9]+)*|{HAN_NUMERAL})(?![0-9])"
    figure_title = (rf"(?:圖表|图表|圖|图|相片|照片) ?(?:[0-9]+(?:[.\-][0-9]+)*|{HAN_NUMERAL})"
                    r"(?![0-9])")
    year_line = (r"(?:[0-9]{4}|[〇零一二三四五六七八九]{4}) ?(?:[\u2013/至-] ?(?:[0-9]{2}){1,2}"
                 r"|至[〇零一二三四五六七八九]{2,4})? ?年度?"
                 r"|[〇零一二三四五六七八九]{4}")  # a year in numerals alone: "二零二四"
    division = (rf"第 ?(?:[0-9]+|{HAN_NUMERAL}) ?[章節节部篇]"
                rf"|附(?:錄|录|件) ?(?:[0-9]+|{HAN_NUMERAL})?")
    table_unit = "單位|单位"
    # Its units and measure words, a currency's name among them, and a share's: "千元",
    # "百萬港元", "人次", "百分比" (percentages), "百分點" (percentage points).
    column_unit = f"(?:[{UNITS}]|港[幣币]|人民[幣币]|百分[比率點点])+"
    # Or the bottom line of accounts: "盈餘／（虧損）", "本年度結餘".
    table_total = ("(?:合|總|总|共|小)(?:計|计)|(?:總|总)(?:數|数|額|额)"
                   "|(?:本年度|年度)?(?:盈餘|盈余|結餘|结余|虧損|亏损|赤字)"
                   "(?:[／/]?[（(]?(?:虧損|亏损|盈餘|盈余|赤字)[）)]?)?")
    table_source = "(?:資料|资料|數據|数据)?(?:來源|来源)|(?:備|备)?(?:註|注)"
    # Hong Kong's legacy encoding (with its supplementary characters) and the mainland's.
    encodings = (Encoding("big5hkscs", "Big5"), Encoding("gb18030", "GB18030 (GBK, GB2312)"))
    common = COMMON_CHARACTERS
    # In Traditional Chinese, and the Simplified forms a Hong Kong page's switcher offers.
    furniture = Furniture(
        skip=r"跳(?:至|到|過|过)(?:主要)?(?:內容|内容|導覽|导览|導航|导航|選單|选单)(?:區塊|区块|區|区)?"
             # a Taiwan government site's access keys: ":::", ":::中央內容區"
             r"|:::\s*\S{0,10}",
        page="頁|页",
        teaser_end="(?:閱讀|阅读|查看|了解)(?:更多|全文)|詳情|详情|更多",
        back_to_top=r"(?:返回|回到|回|返)?(?:頁首|页首|頁頂|页顶|頂部|顶部|最上)",
        print_or_share=r"友善列印|(?:列印|打印|分享|電郵|电邮|轉寄|转寄|加入收藏)"
                       r"(?:本頁|此頁|本页|此页|網頁|网页)?(?:到|至)?"
                       # to a network, or a row of them, a colon perhaps before them:
                       # "分享至 Facebook", "分享到微信", "分享到：微信 微博", "分享至 Facebook  X
                       # WhatsApp" (a network's name is one word)
                       r"(?:(?<=[到至])\s*[:：]?\s*(?:(?:[A-Za-z][\w.+-]*|(?:新浪|騰訊|腾讯)?微博|微信"
                       r"|朋友圈|QQ空間|QQ空间|豆瓣|小紅書|小红书|知乎|抖音|人人網|人人网)"
                       r"(?:\s*[、，,／/|]?\s*|$)){1,6})?"
                       r"|收藏(?:本頁|此頁|本页|此页)"
                       # a newsletter's link to its page: "在瀏覽器中查看此電郵"
                       r"|(?:如未能(?:正常)?(?:顯示|显示|瀏覽|浏览)(?:此|本)?(?:電郵|电邮|郵件|邮件)"
                       r"[，,]?\s*(?:請|请)?)?(?:在|於|于|以)?(?:網頁)?(?:瀏覽器|浏览器|網頁版|网页版)"
                       r"(?:中|內|内)?(?:查看|檢視|检视|開啟|开启|閱讀|阅读)(?:此|本)?"
                       r"(?:電郵|电邮|電子郵件|电子邮件|郵件|邮件|通訊|通讯)?"
                       r"|(?:下載|下载)(?:PDF|全文|文件|檔案|档案|報告|报告)?(?:版本)?"
                       r"(?:[（(][^）)]{1,20}[）)])?",
        page_tools=r"(?:文字|字體|字体)大小.*|(?:按此|點擊|点击|按)(?:放大|查看大圖|查看大图)"
                   # how long the page takes to read: "閱讀時間：約4分鐘"
                   r"|(?:閱讀|阅读)(?:時間|时间)\s*[:：]\s*(?:約|约)?\d+\s*分(?:鐘|钟)"
                   # the page read aloud, its sections opened and closed
                   r"|(?:朗讀|朗读)(?:本頁|此頁|本页|此页)?|(?:閱讀|阅读|顯示|显示|查看)更多|更多"
                   # a WeChat article's player, the collection it is filed in ("收录于合集
                   # #社区故事 12个") and its prompt to follow the account, over its headline
                   r"|(?:听|聽)全文|(?:收录于|收錄於)(?:合集|话题|話題)\s*#?[^。，,]{1,30}"
                   r"|(?:点击|點擊)(?:上方|下方)(?:蓝字|藍字)\s*(?:关注|關注)(?:我们|我們)?"
                   r"|(?:展開|展开|收起|收合)(?:全部)?"
                   # a gallery's buttons: "上一張", "放大圖片"
                   r"|(?:上一|下一)(?:張|张|幅)|放大(?:圖片|图片|相片)"
                   # the type size, "字号：大 中 小"; the page on a phone, "扫一扫在手机打开当前页";
                   # tools in brackets, "【打印】【关闭】"; closing the window
                   rf"|{TYPE_SIZE}"
                   # how often the page was read: "瀏覽人次：3,482"
                   rf"|(?:{PAGE_FIELD}|瀏覽人次|浏览人次)\s*[:：]\s*[\d,]+"
                   r"|(?:掃一掃|扫一扫).{0,20}|【?[^【】]{1,12}(?:】\s*【[^【】]{1,12})+】?|(?:關閉|关闭)(?:窗口|視窗|视窗)",
        picture_label=r"相片|照片|圖片|图片|圖輯|图辑|圖說|图说",
        logo="標誌|标志",
        download="下載|下载",
        picture=r"圖片|图片|[\[【［]?(?:簽名|签名|簽署|签署)[\]】］]?"
                # a social network's words for a picture it describes itself: "可能是 10
                # 人、戶外和大自然的圖像"
                r"|可能是.{1,60}的(?:圖像|图像|圖片|图片|相片|照片)",
        contents=r"(?:本頁|本页|此頁|此页)(?:內容|内容|目錄|目录)|目錄|目录",
        feedback=r"(?:(?:你|您)(?:認為|认为|覺得|觉得))?(?:此|這|这|本)(?:個)?(?:網頁|网页|頁|页)"
                 r"(?:的(?:資訊|资讯|內容|内容))?(?:是否|對你|对你|對您|对您)?(?:有用|有幫助|有帮助)"
                 r"(?:嗎|吗)?[？?]?"
                 r"(?: ?(?:是|否|有|沒有|没有)(?: ?[|｜/]? ?(?:是|否|有|沒有|没有))?)?"
                 r"|(?:報告|报告|回報|回报)(?:此|這|这|本)(?:網頁|网页|頁|页)的?(?:問題|问题|錯誤|错误)",
        footer=r"(?:最後|最后)(?:修訂|修订|更新|審閱|审阅)(?:日期|時間)?.{0,30}"
               # "更新日期：113-12-20" (a Taiwan page's year of the Republic), "2024-12-20"
               r"|(?:更新|修訂|修订)(?:日期|時間|时间)\s*[:：]\s*\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?"
               # the site's address with its telephone: "地址：100臺北市… 電話：(02)2345-6789"
               r"|(?:地址|地點|地点)\s*[:：].{2,80}?(?:電話|电话)\s*[:：].{0,80}"
               r"|(?:版權所有|版权所有).{0,80}|©.{0,80}|.{0,60}(?:©|版權所有|版权所有).{0,40}"
               r"|(?:標籤|标签|分類|分类)\s*[:：].{0,60}"
               # a WeChat article's notice on reprinting it: "如需转载请联系后台"
               r"|(?:如需|如要|若需|欢迎|歡迎)?(?:转载|轉載)[^。]{0,12}(?:联系|聯繫|联络|聯絡|后台|後台"
               r"|授权|授權|注明|註明|出处|出處)[^。]{0,12}。?"
               # the site's postal address and its mainland registration: "地址：… 邮编：
               # 430074  鄂ICP备05003529号-1", "京公网安备 11010502030143号"
               r"|(?:地址|地點|地点)\s*[:：].{2,60}?(?:郵編|邮编|郵政編碼|邮政编码)\s*[:：]?\s*\d{6}.{0,60}"
               r"|.{0,80}?(?:ICP|icp)(?:備|备)\s*\d+號?号?.{0,40}|.{0,60}?(?:公網安備|公网安备)\s*\d+.{0,20}"
               # a government page's record of itself: "索引号：…", "发布机构：…", "主题分类：…"
               r"|(?:索引[号號]|(?:发布|發布|發佈)(?:机构|機構|單位|单位)|主[题題]分[类類]|(?:发|發)文字[号號]"
               r"|文[号號]|有效性|(?:信息|資訊|资讯)(?:来源|來源))\s*[:：].{0,80}"
               # the body's registration: "慈善機構編號：91/12345", "公司註冊編號：…"
               r"|(?:(?:註冊|注册)?慈善(?:機構|机构|團體|团体)|公司)(?:註冊|注册)?(?:編號|编号|號碼|号码)"
               r"\s*[:：].{0,80}",
        # a news page's credits under its text: "（责任编辑：贺晓岚  审核：陆思远）"
        credits=rf"[（(]?{CREDIT}\s*[:：]\s*\S{{1,12}}(?:\s+{CREDIT}\s*[:：]\s*\S{{1,12}})*[）)]?"
                # and a WeChat article's, parted by bars: "摄影 | 王磊 李想"
                rf"|{BARRED_CREDIT}\s*[|｜]\s*{CREDIT_NAMES}",
        dateline=r"【?(?:發佈|發布|发布|刊登|上載|上载|(?:发|發|成)文)(?:日期|時間|时间)?\s*[:：]?\s*[^。]{0,20}"
                 r"\d{4}[^。]{0,16}"
                 # with the page's other fields, each perhaps in its brackets: "发布时间：
                 # 2025-09-06 10:42  来源：研究生院  作者：韩悦  浏览次数：2317", "【发布时间：
                 # 2025-03-18】 来源：…"
                 r"|【?(?:發佈|發布|发布|刊登|上載|上载)(?:日期|時間|时间)?\s*[:：]?\s*\d{4}[-/.年]\d{1,2}"
                 r"[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?】?"
                 rf"(?:\s*[|｜]?\s*【?(?:(?:{CREDIT}|{PAGE_FIELD})\s*[:：]\s*{FIELD_VALUE}"
                 rf"|{TYPE_SIZE})】?)+"
                 # the same, its date after the other fields, perhaps before more: "来源：能源与
                 # 动力工程学院  作者：李晓雯  浏览次数：1586  发布时间：2025-08-21 16:32",
                 # "来源：国际合作与交流处 作者：王晓燕 … 发布时间：2024-03-15 浏览次数：1286"
                 rf"|(?:【?(?:{CREDIT}|{PAGE_FIELD})\s*[:：]\s*{FIELD_VALUE}】?\s*[|｜]?\s*)+"
                 r"【?(?:發佈|發布|发布|刊登|上載|上载)(?:日期|時間|时间)?\s*[:：]?\s*\d{4}[-/.年]"
                 r"\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?】?"
                 rf"(?:\s*[|｜]?\s*【?(?:{CREDIT}|{PAGE_FIELD})\s*[:：]\s*{FIELD_VALUE}】?)*"
                 # a WeChat article's line: "原创 市图书馆 城市图书馆 2025年01月08日 09:30 广东",
                 # "2024-03-01 08:00 发表于广东"; or its author's and account's alone,
                 # "原创 林嘉宜 青禾公益基金会", where its date has a line of its own
                 r"|[^。，,]{0,40}\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}:\d{2}[^。，,]{0,20}"
                 # (its account's name against the date, cleaning having taken the space out)
                 r"|[^。，,]{0,40}?\d{4}-\d{1,2}-\d{1,2}\s*\d{1,2}:\d{2}\s*(?:发表于|發表於)"
                 r"[^。，,\s]{1,10}|(?:原创|原創)(?:\s+[^。，,\s]{1,20}){1,2}"
                 # who posted it, undated, its reading time in its place: "發布：編輯部 |
                 # 閱讀時間 4 分鐘"
                 rf"|(?:發佈|發布|发布)\s*[:：]\s*[^\s|｜:：。]{{2,12}}\s*[|｜]\s*{READING_TIME}"
                 # a social network's stamp on a post: "3月8日 下午4:15 ·"
                 r"|(?:\d{4}年)?\d{1,2}月\d{1,2}日\s*(?:上午|下午|中午|晚上|凌晨)?\s*\d{1,2}:\d{2}"
                 r"\s*[·•]?",
        # the author among a news page's fields ("作者：王晓燕"), a person (posted_by checks)
        # (a WeChat article's author after its "原创": "原创 林嘉宜 青禾公益基金会"; a post's
        # poster, its reading time after it: "發布：編輯部 | 閱讀時間 4 分鐘")
        posted_by=r"(?:(?:作者|撰稿|撰文|記者|记者)\s*[:：]\s*|^(?:原创|原創)\s+"
                  rf"|^(?:發佈|發布|发布)\s*[:：]\s*(?=\S+\s*[|｜]\s*{READING_TIME}))"
                  r"(?P<name>[^\s【】|｜:：]{2,4})(?=$|[\s【】|｜])",
        reading_time=READING_TIME,
        neighbours=r"(?:上一|下一)(?:篇|頁|页|則|则|條|条|主題|主题)\s*[:：]\s*.{1,80}",
        # (a bookmark's link, "收藏", as a museum's collection may head its section)
        links=r"首頁|首页|主頁|主页|搜尋|搜索|收藏|選單|选单|主選單|網頁指南|网页指南|網站地圖"
              # a social network's, logged out: "登入", "註冊"
              r"|登入|登錄|登录|註冊|注册"
              r"|(?:回|返回)上一?(?:頁|页)|返回|(?:立即|馬上|马上)(?:報名|报名|捐款|購票|购票|登記|登记)"
              # a page's call to give, its button: "捐款支持我們", "支持我們"
              r"|(?:捐款|捐助)?支持(?:我們|我们|本會|本会)"
              r"|(?:查看|瀏覽|浏览)(?:全部|所有)(?:活動|活动|新聞|新闻)?"
              r"|网站地图|聯絡我們|联络我们|聯絡|私隱政策(?:聲明)?|私隐政策|重要告示"
              r"|免責聲明|免责声明|無障礙(?:網頁)?|无障碍|使用條款|使用条款|常見問題|相關連結"
              r"|相关链接|相關(?:新聞|文章)|相关(?:新闻|文章)|上一(?:篇|頁|页)|下一(?:篇|頁|页)"
              # a related link with its page's name: "相關連結：大學社會責任實踐計畫USR Hub"
              r"|(?:相關連結|相关链接)\s*[:：].{1,60}"
              # a WeChat article's: the articles before it, the original, its readers' buttons
              # under it ("点赞", "在看", "写留言"), the follow prompt
              r"|往期(?:推荐|推薦|回顾|回顧|精选|精選)|(?:推荐|推薦|相关|相關|延伸)(?:阅读|閱讀)"
              r"|(?:点|點)(?:赞|讚|贊)|在看|(?:写|寫)留言"
              r"|(?:阅读|閱讀)原文|(?:点击|點擊)(?:上方|下方)?(?:蓝字|藍字|“[^”]{1,20}”)?"
              r"\s*(?:关注|關注)(?:我们|我們)?"
              # (or its code to scan: "长按识别二维码，关注我们", "扫码关注")
              r"|(?:(?:长按|長按)(?:识别|識別)?|扫描|掃描|识别|識別)(?:图中|圖中|下方|上方)?"
              r"(?:二维码|二維碼)(?:[，,]?\s*(?:关注|關注)(?:我们|我們)?)?"
              r"|(?:扫码|掃碼)\s*(?:关注|關注)(?:我们|我們)?",
        news_section=r"(?:最新|本會|本会)?(?:消息|新聞|新闻)|(?:新聞|新闻|最新|工作)(?:動態|动态)"
                     r"|(?:新聞|新闻)(?:中心|發佈|发布|發布)|(?:傳媒|传媒|媒體|媒体)中心",
        related=r"相關(?:新聞|文章|閱讀|內容)|相关(?:新闻|文章|阅读|内容)|延伸(?:閱讀|阅读)"
                r"|推薦(?:閱讀|文章)|推荐(?:阅读|文章)|你可能(?:也)?(?:喜歡|喜欢|感興趣|感兴趣)"
                # a WeChat article's, its account's earlier articles
                r"|往期(?:回顾|回顧|推荐|推薦|精选|精選)",
        # (not "電郵" alone: a share button's)
        sign_up_field=r"(?:(?:請|请)?(?:輸入|输入)(?:你|您)的)?"
                      r"(?:電郵|电邮|電子郵件|电子邮件|郵箱|邮箱)地址"
                      r"|(?:請|请)?(?:輸入|输入)(?:你|您)的(?:電郵|电邮|電子郵件|电子邮件|郵箱|邮箱)",
        sign_up_heading=r"(?:訂閱|订阅)(?:我們的|我们的|本會|本会)?(?:電子報|电子报|通訊|通讯|最新消息)",
        sign_up_end=r"(?:感謝|感谢|謝謝|谢谢)(?:(?:你|您)的)?(?:訂閱|订阅|登記|登记)?[！!。]?"
                    r"|(?:已|成功)(?:訂閱|订阅)[！!。]?",
        share_networks=r"微博|微信|Facebook|WhatsApp|(?:複製|复制)(?:連結|链接)|列印|打印"
                       r"|電郵|电邮",
        comments=r"(?:發表|发表)(?:評論|评论|留言)|(?:評論|评论|留言)(?:區|区)"
                 r"|(?:\d+|[一二三四五六七八九十]+) ?(?:則|条|條|個|个)"
                 r"(?:評論|评论|留言|回應|回应)"
                 # a post's reactions by who gave them: "你、陳怡君和其他1.2萬人"
                 r"|(?:你|您)?、?.{0,20}(?:和|及)其他\s?[\d,.]+\s?[萬万千]?(?:人|位)",
        row_prefix=r"(?:分享|轉發|转发)(?:到|至)?|關注我們|关注我们",
        expand_link=r"(?:\.\.\.|\u2026)\s*(?:查看更多|顯示更多|显示更多|展開|展开|全文)",
        trail_prefix=r"(?:您|你)?(?:的|當前|当前|現在|现在)(?:所在)?位置",
        buttons=r"(?:接受|拒絕|拒绝)(?:所有|全部)?(?:cookies?|曲奇)?|(?:全部|所有)(?:接受|拒絕|拒绝)"
                r"|同意|關閉|关闭|了解更多|更多資訊|(?:管理|更改)?(?:cookies?|曲奇)?(?:設定|设置)",
        cookies=r"曲奇|cookie",
        consent=r"同意|接受|繼續|继续|使用",
        names=("繁體", "繁體中文", "繁", "繁中", "tc", "简体", "简体中文", "簡體", "簡體中文", "简",
               "簡", "简中", "sc", "中文"),
        mail_fields=r"寄件者|寄件人|發件人|发件人|寄件日期|傳送時間|傳送日期|發送時間|发送时间|日期"
                    r"|收件者|收件人|副本|密件副本|抄送|密送|主旨|主題|主题|重要性|附件",
        mail_sender=r"寄件者|寄件人|發件人|发件人",
        mail_subject=r"主旨|主題|主题",
        mail_replies=r"回覆|回复|答覆|答复|轉寄|轉發|转发",
        mail_forwards=r"轉寄|轉發|转发",
        mail_separator=rf"原始(?:郵件|邮件|訊息|信息|電郵)|{FORWARDED_MESSAGE}",
        mail_forwarded=FORWARDED_MESSAGE,
        legal_notice=r"(?:註冊|注册)(?:慈善|公司|辦事處|办事处)|慈善(?:機構|机构|團體|团体)(?:編號|编号)"
                     r"|公司(?:註冊)?(?:編號|编号)|(?:稅務條例|税务条例)》?第88條|第88条",
        mail_attribution=r".{1,200}(?:寫道|写道)",
        mail_warning=r"(?:(?:注意|警告|小心)\s*[:：]?\s*)?(?:此|本)(?:電郵|电邮|郵件|邮件|訊息|信息)"
                     r"(?:來自|来自|由)(?:貴|贵|本)?(?:機構|机构|公司|組織|组织)(?:以外|外部).*",
        mail_footer=r"(?:從|从)我的 ?\S{2,20} ?(?:傳送|發送|发送)|(?:發|发)自我的 ?\S{2,20}"
                    # a newsletter's: why it came, where from, how to stop it
                    r"|(?:你|您|閣下|阁下)(?:之所以)?(?:收到|接收)(?:此|這封|这封|本)(?:電郵|电邮|郵件|邮件"
                    r"|通訊|通讯).{0,10}(?:是因為|是因为|因為|因为).*"
                    r"|.{0,20}(?:取消訂閱|取消订阅|退訂|退订).{0,20}"
                    r"|(?:本會|本会|我們的|我们的)?(?:郵寄|邮寄|通訊|通讯)地址\s*[:：].{0,60}"
                    r"|(?=.*(?:環保|环保))(?=.*(?:列印|打印)).{0,40}"
                    r"|(?:此|本)(?:電郵|电邮|電子郵件|电子邮件|郵件|邮件|訊息|信息).{0,60}?"
                    r"(?:屬|属|載有|载有|含有|乃|為|为)(?:保密|機密|机密|特權|特权).*"
                    r"|(?:如|若)(?:閣下|阁下|您|你)(?:並非|并非|不是|非).{0,20}(?:收件人|收件者).*",
        # Its readers named, then a colon, a comma or "！" ("各位同事：", "親愛的會員："), or
        # greeted ("大家好"): a heading naming an office ("新任主席") is none.
        # Those it greets, one or several ("亲爱的新同学们，各位老师，各位家长朋友们："), and the
        # time of day it greets them in ("大家上午好！").
        # Thanks to them is no greeting ("謝謝大家！", closing a speech).
        # those greeted, parted by a comma or joined ("各位會員及家屬")
        mail_salutation=rf"(?!{THANKS})(?:{ADDRESSEE}(?:[，、,]\s*|及|和|與|与|暨)){{0,4}}"
                        rf"{ADDRESSEE}"
                        r"(?:(?:早上|上午|中午|下午|晚上)?好[！!，,]?"
                        r"|(?:鈞鑒|钧鉴|台鑒|台鉴)?(?:[！!，,]|(?=[:：])))"
                        # a formal letter's to whom it may concern
                        r"|(?:敬啟者|敬启者|執事先生|执事先生)(?=[:：]|$)",
        mail_address=r"地址|通訊地址|通讯地址|辦事處地址|办事处地址",
        mail_contact=(r"電話|电话|手機|手机|流動電話|直線|直线|傳真|传真|電郵|电邮|郵箱|邮箱"
                      r"|電子郵件|电子邮件|網址|网址|網站|网站"),
        release=r"新聞稿|新闻稿|新聞公報|新闻公报|(?:供)?(?:即時|即时)(?:發放|发放|發佈|发布|發布)"
                r"|傳媒通告|传媒通告"
                # a speech's note that what was said counts: "以當日宣讀為準", "以讲话为准"
                r"|(?:(?:講|讲|演|致)(?:辭|辞|稿))?以(?:當日|当日|現場|现场)?"
                r"(?:宣讀|宣读|發言|发言|講話|讲话|演辭|演辞)(?:為準|为准)",
        # "完" alone, in brackets or between dashes: "（完）", "- 完 -", "－完－".
        end_mark=r"[-\u2013\u2014\u2212\uff0d*～ ]*[（(]?完[）)]?[-\u2013\u2014\u2212\uff0d*～ ]*",
        # In figures or in numerals (二〇二五年七月十八日, 香港時間十六時四十五分).
        release_stamp=rf"(?:\d{{4}}|[{YEAR_DIGITS}零\u25cb]{{4}})年(?:\d{{1,2}}|{HAN_NUMERAL})月"
                      rf"(?:\d{{1,2}}|{HAN_NUMERAL})日\s*[（(](?:星期|週|周)[一二三四五六日天][）)]"
                      rf"|香港(?:時間|时间)\s*(?:\d{{1,2}}|{HAN_NUMERAL})\s*(?:時|时)\s*"
                      rf"(?:\d{{1,2}}|{HAN_NUMERAL})\s*分(?:發出|发出)?"
                      r"|香港(?:時間|时间)\s*\d{1,2}[:：]\d{2}",
        headline_tag=r"[（(](?:只有|只備|只备)(?:中文|英文)(?:版)?[）)]"
                     r"|[（(]附(?:圖|图|短片|視頻|视频)(?:[／/及](?:圖|图|短片|視頻|视频))?[）)]",
    )
    numerals = Numerals(
        style="trad-chinese-informal", pattern=HAN_NUMERAL, suffix="\u3001",
        value=han_value, numeral=han_numeral,
        word_format="taiwaneseCountingThousand",
        word_formats=("taiwaneseCountingThousand", "taiwaneseCounting", "chineseCounting",
                      "chineseCountingThousand"),
        last=99,
    )
    role_first = True
    hyphenates = False
    # A whole number of characters, about 35 to 45 in an A4 column (the house style).
    measure = Measure(35, 45)
    unbroken_before = "\u2014\u2014|\u2026\u2026"  # the dash ——, the ellipsis …… (clreq 3.1.7)
    own_form_marks = "(?:\u2014|\u2026)+"
    opening_marks = OPENING_BRACKETS
    closing_marks = CLOSING_BRACKETS
    units = UNITS
    # An interview's question: "問：", "问：", or asked by whom ("记者问：", "主持人問："; not
    # a field whose word ends so, "顧問：").
    question = (r"(?:記者|记者|主持人|市民|觀眾|观众|議員|议员|委員|委员|學生|学生|網友|网友|讀者"
                r"|读者)?[問问][:：]")
    exchange_label = "(?:問題|问题|答覆|答复)[:：]"
    field = rf"[{HAN_RANGES}]{{1,6}}[:：]\s*(?=\S)"
    # After a dash between places (屯門——東涌), an enumeration comma, a slash, a range's
    # connector between figures (二〇二三至二四), a financial year (年度) before what it
    # dates, a modifier's 的 before what it modifies (八星期內結案的 / 個案比率); before an
    # opening bracket (南丫島（榕樹灣）).
    label_breaks = ("(?:(?<=\u2014\u2014)|(?<=[\u3001\uff0f/]))(?=.)"
                    f"|(?<=.)(?=[{OPENING_BRACKETS}])"
                    r"|(?<=[〇一二三四五六七八九十\d][至到～])(?=[〇一二三四五六七八九十\d])"
                    "|(?<=年度)(?=.)|(?<=.的)(?=.)")
    # About, over, nearly, under: "約2.98億", "逾300人", "超過1,000宗", "不足5%".
    figure_before = "約|约|逾|近|超過|超过|多於|多于|少於|少于|不足"
    figure_none = "不適用|不适用"  # not applicable
    lone_last_letter = False  # no single character alone on a paragraph's last line
    italic = False
    sign_off_right = True  # the house style: a Chinese signature stands flush right
    paragraph_indent = 2  # clreq: every paragraph's first line two characters in
    body_justified = True  # the house style's, in every edition
    small_caps = False  # Han characters have no case
    spread_characters = CHINESE_CHARACTER
    # A closing bracket before a mark (「…」，), an opening one after a mark that is no closing
    # bracket (，「…), each blank on the side facing the other mark; of a closing bracket
    # and an opening one (」「) the closing one alone, so the pair takes an em and a half.
    compressed_punctuation = (f"[{CLOSING_BRACKETS}](?=[{STOPS}{CLOSING_BRACKETS}"
                              f"{OPENING_BRACKETS}])|(?<=[{STOPS}{OPENING_BRACKETS}])"
                              f"[{OPENING_BRACKETS}]")
    fonts = "chinese"
    fonts_css = "chinese.css"
    note_face = "NotoSansCJKtc-Bold.otf"  # the Hei
    docx_font = "w:eastAsia"
    docx_language = "w:eastAsia"
    # Quotes by their position: opening marks outside and inside, then closing ones.
    quotes = ("\u300c\u300e", "\u300d\u300f")  # 「 outside, 『 inside; 」 and 』

    def writes(self, text: str) -> bool:
        """At least as many Han characters as Latin words, so a Chinese sentence naming an
        English body stays Chinese; but not a line that only names people or things in Han
        characters among English words (`names_only`), which stays English."""
        # Most lines of an English text: no pattern needed, or no Han character, which is
        # sought before the Latin words are counted (a paragraph's hundreds of them).
        if text.isascii() or not self.holds(text):
            return False
        words = len(LATIN_WORD.findall(text))
        return self.count(text) >= words and not self.names_only(text, words)

    def punctuates(self, text: str) -> bool:
        """Whether `text` holds Han characters and the marks of a Chinese sentence (，。：；),
        which no English sentence sets, whatever it quotes."""
        return self.holds(text) and bool(SENTENCE_MARK.search(text))

    def names_only(self, text: str, words: int) -> bool:
        """Whether `text`'s Han characters are names inside English (`"Fine," said 黃小明.`):
        each run of them no longer than a name (NAME_LENGTH: a surname and a given name, a
        compound surname's four), fewer runs than the Latin words around them, and none of
        Chinese's own punctuation (，。「」), which a Chinese sentence, however short, has;
        nor a Latin word set against them with no space, as Chinese sets one
        ("本會發布ESG (…)報告."), where English parts a name from its words."""
        runs = re.findall(f"[{self.characters}]+", text)
        return (len(runs) < words and all(len(run) <= NAME_LENGTH for run in runs)
                and not re.search(f"[{self.punctuation}]", text)
                and not re.search(f"[{self.characters}][A-Za-z]|[A-Za-z][{self.characters}]",
                                  text))

    def dominates(self, text: str) -> bool:
        """More Han characters than Latin letters, so "Chairman's Statement 主席報告" stays
        the document's."""
        return self.holds(text) and self.count(text) > sum(map(len, LATIN_WORD.findall(text)))

    def typeset(self, line: str) -> str:
        # A table's number stays apart from its title, as Chinese captions set them ("表1
        # 本年度開支"; GB/T 7713.1 parts them by a space), and a section's from its heading
        # ("2.1 急症服務"), though a figure and a character are otherwise set with none
        # between.
        label = (re.match(f"(?:{self.table_title}) +(?=\\w)", line)
                 or re.match(rf"{SECTION_NUMBER} +(?={HAN})", line))
        if label:
            return f"{self.typeset(label.group().rstrip())} {self.typeset(line[label.end():])}"
        line = NUMERAL_ZERO.sub("\u3007", line)
        line = NUMERAL_STOP.sub("\\1\\2\u3001", line)
        line = ELLIPSIS.sub("\u2026\u2026", line)
        line = DASH.sub(dash_of, line)
        line = MINUS.sub("\u2212", line)
        # First: a mark before a bracket stands between.
        line = quoted(line, *self.quotes, open_quotes().kinds)
        line = self.full_width_marks(line)
        line = SPACED_UNIT.sub("", line)
        line = SPACED_AMOUNT.sub(r"\1", line)
        line = re.sub(SPACED_FIGURE, lambda spaced: spaced.group(1) or "", line)
        line = SPACED_TERM.sub(unspaced_term, line)
        # In a sentence (its marks say so), no space parts two characters at all.
        line = (HAN_SPACE.sub("", line) if IN_SENTENCE.search(line)
                else SPACED_WORDS.sub(closed_up, line))
        return SPACED_PUNCTUATION.sub(r"\1", line)

    def full_width_marks(self, line: str) -> str:
        """Half-width marks and brackets beside Chinese made full-width, until none is left
        to change: a bracket made full-width makes a mark beside it full-width (",(㐀"), and
        a mark a bracket beside it ("中(1),(2)"), which cleaning again would otherwise do.
        A round changes at least one mark, so there are no more rounds than marks."""
        marks = beside("".join(self.quotes))
        line = figure_stops(line, "".join(self.quotes))
        for _ in range(len(line) + 1):
            changed = parentheses(re.sub(
                marks, lambda match: FULL_WIDTH[next(filter(None, match.groups()))], line))
            if changed == line:
                break
            line = changed
        return line

    def heading_breaks(self, text: str, openings: tuple[str, ...]) -> frozenset[int]:
        """Between Han characters and Latin letters or figures (`三江青少年发展基金会` /
        `2024年度工作报告`), and after the name of who speaks where the heading opens with it:
        the longest start of four Han characters or more it shares with the organisation's
        name or the text's first paragraph, as a press release's headline and its lead both
        open with it (`港灣創科基金` / `公布首季資助結果`, `港灣創科基金今日公布…`); and where
        its author parted it, the surest edges: after a space (`二〇二四至二五年度年報` /
        `第三章：主席報告`) or a colon (`第三章：` / `主席報告`)."""
        edges = {edge.start() for edge in SCRIPT_EDGE.finditer(text)}
        edges.update(part.end() for part in HEADING_PART.finditer(text))
        for opening in openings:
            shared = len(os.path.commonprefix([text, opening]))
            if shared >= MIN_NAME_OPENING and HAN_RUN.fullmatch(text[:shared]):
                edges.add(shared)
        return frozenset(edge for edge in edges if 0 < edge < len(text))

    def is_heading(self, text: str) -> bool:
        """A short Chinese line, one phrase, not ending as a sentence; its first character a
        Chinese one or a figure, a quotation mark perhaps before it (`“非遗进社区”系列活动…`)."""
        opening = text.lstrip("\u201c\u2018\u300c\u300e\u300a")
        return (
            len(text) <= MAX_HEADING_CHARACTERS
            and not text.endswith(tuple(SENTENCE_END + PHRASE_END))
            and not re.search(f"[{SENTENCE_END}\uff1f].", text)
            and bool(opening)
            and (bool(re.match(CHINESE_CHARACTER, opening[0])) or opening[0].isdigit())
            and not re.match(self.question, text)  # an interview's question
            and not self.is_table_note(text)
        )

    def is_byline(self, text: str, repeats: int) -> bool:
        """Written twice or more, shaped "role name" (or "name, role"), the name a few
        characters."""
        name, _, role = self.byline_parts(text)
        labelled = AUTHOR_LABEL.match(text) is not None
        return ((repeats >= 2 and bool(role) or labelled)
                and len(text) <= MAX_BYLINE_CHARACTERS
                and bool(re.fullmatch(NAME, name)) and not self.opens_division(text)
                and not role.startswith(CALLED)
                and not text.endswith(tuple(SENTENCE_END + PHRASE_END)))

    def names_body(self, text: str) -> bool:
        """"海濱文化協會", "香港青年服務中心": a body's name alone, ending with a word for a
        body."""
        return len(text) <= MAX_BODY_CHARACTERS and bool(re.fullmatch(BODY, text))

    def names_speaker(self, name: str, text: str, turns: Sequence[str]) -> bool:
        """A name ("陳欣") or a part in the interview ("主持人", "記者")."""
        return self.is_name(name) or bool(re.fullmatch(INTERVIEW_ROLE, name))

    def is_name(self, text: str) -> bool:
        """"陳大文", "張慧蘭博士": a surname and one or two characters, perhaps titled."""
        return bool(re.fullmatch(self.person, text))

    def names_someone(self, text: str) -> bool:
        """A byline's shape, or a name of a common surname alone, perhaps titled ("陳大文博士")."""
        return self.names_person(text) or self.is_name(text)

    def names_person(self, text: str) -> bool:
        """A role and a name of a surname and one or two characters; or, whatever its surname
        (no list holds them all), a role ending with an office's word (主席, 署長, 館長) and
        a name with a title (博士, 女士)."""
        name, _, role = self.byline_parts(text)
        return bool(role) and (bool(re.fullmatch(self.person, name)) or (
            bool(re.fullmatch(self.titled, name)) and bool(re.search(f"(?:{OFFICES})$", role))))

    def byline_parts(self, text: str) -> tuple[str, tuple[str, ...], str]:
        """The name, the honours and the role of "海港事務監督 莫慧琳", or of "莫慧琳，海港事務
        監督" or "陳大文 主席"; or, written with no space between, of a person's name and an
        office ("陳志明主席", "委員會主席陳志明"); the honours wherever they stand ("主席
        陳大文，GBS，JP", "陳大文太平紳士，主席"); a label naming the author before them
        ("撰文：") no part of either."""
        text = AUTHOR_LABEL.sub("", text.strip(), count=1)
        honours = tuple(found["latin"] or found["han"] for found in HONOUR.finditer(text))
        # A post's credit parts its role from the name by a bar ("文 | 何思颖"), as a space.
        text = re.sub(r"\s*[|\uff5c]\s*", " ", HONOUR.sub("", text)).strip()
        if COMMA.search(text):
            name, role = COMMA.split(text, maxsplit=1)
            return name.strip(), honours, role.strip()
        # Parted by a space, or by an ideographic one, as a Hong Kong page often writes it;
        # the name first where it is one and the role after it an office ("陳大文 主席").
        role, _, name = re.sub("[ \u3000]+", " ", text).rpartition(" ")
        if (role and re.fullmatch(self.person, role) and not re.fullmatch(self.person, name)
                and re.search(f"(?:{OFFICES})$", name)):
            role, name = name, role
        if not role:
            run_together = (re.fullmatch(rf"(?P<name>{self.person})(?P<role>.*(?:{OFFICES}))", text)
                            or re.fullmatch(rf"(?P<role>.*?(?:{OFFICES}))(?P<name>{self.person})",
                                            text))
            if run_together:
                return run_together["name"], honours, run_together["role"]
        return name, honours, role

    def byline_text(self, name: str, honours: tuple[str, ...], role: str,
                    spaced: bool = False) -> str:
        named = name + "".join(f"{before}{honour}" for before, honour
                               in zip(self.honour_separators(honours), honours, strict=True))
        return " ".join(part for part in (role, named) if part)

    def honour_separators(self, honours: tuple[str, ...], spaced: bool = False
                          ) -> tuple[str, ...]:
        """The HKSAR's honours straight after the name ("陳大文太平紳士"), any after another
        or in Latin letters after a full-width comma ("陳大文，GBS，太平紳士"), however
        written."""
        return tuple("" if not index and re.fullmatch(CHINESE_HONOURS, honour) else "\uff0c"
                     for index, honour in enumerate(honours))

    def regional_tag(self, text: str) -> str:
        # Only Taiwan counts its years from the Republic's founding: a text dated so is
        # Taiwan's Chinese, which a screen reader speaks in its own voice.
        return "zh-TW" if re.search(rf"{REPUBLIC_YEAR}年", text) else self.tag

    def names_issue(self, text: str) -> bool:
        found = ISSUE.fullmatch(text.strip())
        return found is not None and bool(re.search(rf"\d|[{HAN_DIGITS}]", text))

    def date_in(self, text: str) -> str:
        match = DATE.search(text)
        if not match:
            # As a Chinese page writes one in figures, the year first: "2025-03-14".
            numeric = NUMERIC_DATE.search(text)
            return (iso_date(int(numeric["year"]), int(numeric["month"]), numeric["day"])
                    if numeric else "")
        month, day = (part if part is None or part.isdigit() else han_value(part)
                      for part in (match["month"], match["day"]))
        return iso_date(year_of(match), int(month), day)

    def day_given(self, rubric: str) -> str:
        """The last date it writes, its day's before the occasion ("…在紀念1997年7月1日的
        2025年6月30日酒會上的講話")."""
        found = list(DATE.finditer(rubric)) or list(NUMERIC_DATE.finditer(rubric))
        return self.date_in(found[-1].group()) if found else ""

    def written_date(self, text: str, date: str) -> str:
        """A date as the text writes it, in the Republic's era (`中華民國113年12月10日`) or in
        Chinese numerals (`二〇二四年三月`): figures and dates stay as the author wrote them."""
        return next((found.group() for found in DATE.finditer(text)
                     if self.date_in(found.group()) == date), "")

    def shown_date(self, date: str) -> str:
        """"2024年", "2024年6月", "2024年6月11日"."""
        return "".join(f"{int(part)}{unit}" for part, unit in zip(date.split("-"), "年月日",
                                                                   strict=False)
                       if part.isdigit()) if date else ""


def year_of(date: re.Match) -> int:
    """The year of a DATE found, in figures or digit by digit in Chinese numerals ("二〇二四"),
    perhaps in the Republic's era ("民國114", "民國一一四")."""
    if republic := date["republic"]:
        return REPUBLIC_ERA + int(figures(republic))
    return int(figures(date["year"]))


def figures(digits: str) -> str:
    """A number written digit by digit in Chinese numerals in figures: "二〇二四" -> "2024"."""
    return "".join(str(YEAR_DIGITS.index(digit)) if digit in YEAR_DIGITS else
                   "0" if digit == "零" else digit for digit in digits)


def closed_up(spaced: re.Match) -> str:
    """Words of Chinese characters (and figures) parted by spaces (SPACED_WORDS), each space
    beside a character alone between two characters gone, where not every word is one."""
    words = spaced.group().split()
    if all(len(word) == 1 for word in words):
        return spaced.group()
    joined = words[0]
    for before, word in zip(words, words[1:], strict=False):
        stray = (min(len(before), len(word)) == 1 and HAN_CHARACTER.fullmatch(before[-1])
                 and HAN_CHARACTER.fullmatch(word[0]))
        joined += ("" if stray else " ") + word
    return joined


def unspaced_term(spaced: re.Match) -> str:
    """A Latin term held in Chinese without its spaces, unless it is one of English's short
    joining words ("and", "or", "of") in lower case (`SPACED_TERM`)."""
    term = spaced.group(1)
    return spaced.group() if re.fullmatch("[a-z]{1,3}", term) else term


def parentheses(line: str) -> str:
    """Parentheses opened after or before a Chinese character are full-width, and so is the
    parenthesis closing them ("建築信息模擬（BIM）技術"); one closed after or before a Chinese
    character too, and the one it closes ("（HKU）的"). Parentheses around Latin text in Latin
    text stay, and so do those wholly around Latin text opened after it, whatever follows:
    an English phrase's ("Mr. J. Smith (U.K.) 及", "ESG (Environmental, Social and
    Governance)報告"), which it is tagged and set with (english.LATIN_PHRASE)."""
    characters = list(line)
    opened: list[tuple[int, bool, bool]] = []  # each open: where, if full-width, if phrase's
    before = ""  # the last character that is not a space
    for index, character in enumerate(line):
        if character == "(":
            after = line[index + 1:index + 2]
            full = bool(re.match(CHINESE_CHARACTER, before) or re.match(CHINESE_CHARACTER, after))
            opened.append((index, full, bool(re.match(LATIN_TEXT, before))))
            characters[index] = "\uff08" if full else "("
        elif character == ")":
            opening, full, after_latin = opened.pop() if opened else (None, False, False)
            after = line[index + 1:].lstrip(" ")[:1]
            phrase = (opening is not None and after_latin
                      and not re.search(CHINESE_CHARACTER, line[opening:index]))
            if full or not phrase and (re.match(CHINESE_CHARACTER, before)
                                       or re.match(CHINESE_CHARACTER, after)):
                characters[index] = "\uff09"
                if opening is not None:
                    characters[opening] = "\uff08"
        if character != " ":
            before = character
    return "".join(characters)


# A Latin letter or a figure: what a phrase in Latin letters ends with.
LATIN_TEXT = "[A-Za-z\u00c0-\u024f0-9]"


# Where a straight quote stands says which it is: after these, or at the line's start, it
# opens; before these, or at the line's end, it closes (half- or full-width alike: the marks
# are made full-width after). Between two characters it may be either.
OPENS_AFTER = " \t:,;(\uff1a\uff0c\uff1b\u3001\uff08" + OPENING_BRACKETS + "\u2014"
CLOSES_BEFORE = " \t.,;:!?)\u2026\u2014" + STOPS + "\uff09" + CLOSING_BRACKETS


def straight_opens(line: str, start: int) -> dict[int, bool]:
    """Whether each straight double quote of `line` opens a quotation, `start` of them left
    open before the line. One whose place says which it is, is so; one between two
    characters (參加"書展") is what leaves the fewest quotations unmatched, where a mark
    that should close but has none to close, and a quotation left empty ("")), count as
    unmatched too; else it closes the one open, as it always did. So 他說："我們參加"書展"。"
    nests (「我們參加『書展』。」), and "他說"好"" too (「他說『好』」)."""
    places = [index for index, character in enumerate(line) if character == '"']
    kinds = []  # for each: True opens, False closes, None either
    for index in places:
        before = line[index - 1] if index else " "
        after = line[index + 1] if index + 1 < len(line) else " "
        opens, closes = before in OPENS_AFTER, after in CLOSES_BEFORE
        kinds.append(None if opens == closes else opens)
    depth_limit = len(places) + start + 1
    # unmatched[i][d]: the fewest unmatched from the ith mark on, d quotations open.
    unmatched = [[0] * depth_limit for _ in range(len(places) + 1)]
    unmatched[-1] = list(range(depth_limit))

    def costs(position: int, depth: int) -> tuple[int, int]:
        """What opening, and what closing, the mark at `position` costs from there on."""
        after = unmatched[position + 1]
        empty = (position + 1 < len(places) and places[position + 1] == places[position] + 1)
        opening = after[min(depth + 1, depth_limit - 1)] + empty
        # With none to close, it opens: where its place says it closes, one more unmatched.
        closing = after[depth - 1] if depth else opening + (kinds[position] is False)
        return opening, closing

    for position in reversed(range(len(places))):
        for depth in range(depth_limit):
            opening, closing = costs(position, depth)
            kind = kinds[position]
            unmatched[position][depth] = (opening if kind else closing if kind is False
                                          else min(opening, closing))
    decided, depth = {}, min(start, depth_limit - 1)
    for position, index in enumerate(places):
        kind = kinds[position]
        if kind is None:
            opening, closing = costs(position, depth)
            kind = opening < closing or not depth
        decided[index] = kind or not depth
        depth = min(depth + 1, depth_limit - 1) if decided[index] else depth - 1
    return decided


def quoted(line: str, opening: str, closing: str, open_kinds: list[str]) -> str:
    """Quotes become the `opening` and `closing` marks by their position, the first of each
    outside, the second inside (「」 and 『』): a straight quote closes the quote of its kind
    left open, else opens one; a curly quote says which it is. An apostrophe in a Latin word
    ("Chairman's", and "Don't" inside a quotation) stays one, and so does one after a Latin
    word with no quotation of its kind open ("graduates'"). `open_kinds`, the kinds of the
    quotes open, outermost first (left open by the paragraph's lines before), is kept up."""
    characters = list(line)
    double_opens = straight_opens(line, open_kinds.count('"'))
    for index, character in enumerate(characters):
        if character not in QUOTES:
            continue
        kind = "'" if character in "'\u2018\u2019" else '"'
        before = characters[index - 1] if index else " "
        after = characters[index + 1] if index + 1 < len(characters) else " "
        latin = before.isascii() and before.isalpha()
        if kind == "'" and latin and ("'" not in open_kinds
                                      or after.isascii() and after.isalpha()):
            characters[index] = "\u2019"
            continue
        if kind in open_kinds and character not in "\u201c\u2018" and not (
                double_opens.get(index)):
            # The innermost of its kind closes, and any opened inside it.
            del open_kinds[len(open_kinds) - 1 - open_kinds[::-1].index(kind):]
            characters[index] = closing[min(len(open_kinds), 1)]
        else:
            characters[index] = opening[min(len(open_kinds), 1)]
            open_kinds.append(kind)
    return "".join(characters)


CHINESE = Chinese()
