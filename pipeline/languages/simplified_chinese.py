"""Simplified Chinese (zh-Hans; also zh-CN, zh-SG), as Hong Kong bodies publish it beside
their Traditional pages (简体).

It is Chinese (chinese.py) in all but its characters, its quotes, the words of its notes
headings and postscripts, its surnames and what the editions say in it: its punctuation,
headings, bylines (role first), repetitions, sentence ends, list numerals (一、二、), dates,
no hyphenation, no italic and justification between characters are
Chinese's. A text is Simplified when it holds more characters only Simplified Chinese writes
than characters only Traditional Chinese writes (han_variants.py), so a 繁體 page naming its
简体 version on a language switcher stays Traditional. Its quotes are the mainland's “ ” and
‘ ’ (GB/T 15834), where Hong Kong writes 「」 and 『』. Its faces are the Chinese ones: each
holds the Simplified forms its `locl` feature reaches for zh-Hans, which the HTML's
lang="zh-Hans" selects (the marks ，。 at the bottom left of the em box, 直 and 骨 as the
mainland writes them).
"""

from __future__ import annotations

import re

from pipeline.languages.chinese import (
    CLOSING_BRACKETS,
    STOPS,
    Chinese,
    person_name,
    titled_name,
)
from pipeline.languages.han_variants import SIMPLIFIED, TRADITIONAL
from pipeline.languages.profile import ReaderWords

# Traditional Chinese's surnames and titles (chinese.py) in their Simplified forms (OpenCC's
# t2s): a byline's name written once is a person's ("欧阳志豪", "林晓雯博士").
SURNAMES = ("司徒|欧阳|上官|司马|诸葛|东方|尉迟|公孙|[陈李张黄何林梁吴王刘蔡杨郑谢郭曾邓许冯罗周叶"
            "苏卢朱潘余麦杜袁谭莫钟胡徐高江彭甘方赵孙马区尹文石范姚孔廖程韩唐万伍施汤庞严岑邱关"
            "骆翁邝容温戴薛雷丁崔蒋魏简黎赖霍陆傅田吕贺邵鲍谈颜凌姜金冼成任左龙柯利车阮游易侯湛"
            "卓洪殷屈董武阚史苗卫聂邹毛宋沈秦倪纪梅巫祁柳夏康单戚蓝白符童龚包向季萧招植古邬齐饶熊]")
TITLES = "教授|医生|博士|先生|女士|律师|工程师"


class SimplifiedChinese(Chinese):
    tag = "zh-Hans"
    tags = ("zh-hans", "zh-cn", "zh-sg")
    name = "Simplified Chinese"
    rule = "simplified-chinese-language"
    notes_headings = ("注释", "附注", "注")
    postscript = "附言|附笔|又及|(?:附件|附录|附表)\\s*[:：]"
    # Its legacy encodings (GB18030 and Big5) are read by Chinese's, which reads a text in
    # either Chinese: one reading of each encoding, not one a profile (decoding.py).
    encodings = ()
    person = person_name(SURNAMES, TITLES)
    titled = titled_name(TITLES)
    quotes = ("\u201c\u2018", "\u201d\u2019")  # “ outside, ‘ inside; ” and ’
    # The mainland sets a stop in the left half of its em (GB/T 15834), its blank right half
    # facing a closing quote after it: "。”" takes an em and a half too (clreq 3.1.6.2).
    compressed_punctuation = (f"{Chinese.compressed_punctuation}"
                              f"|[{STOPS}](?=[{CLOSING_BRACKETS}])")
    # Its stops too, which its faces set in their Traditional forms (centred) but among Han
    # letters, where their locl reaches the Simplified (bottom left): after a Latin letter or
    # a Greek one (采用AI，, 1.8mg/L，, 21μg/m³，) the renderer shapes them in its script.
    own_form_marks = f"(?:{Chinese.own_form_marks}|[{STOPS}])+"
    docx_tag = "zh-CN"  # Word's and LibreOffice's Simplified Chinese: they know no zh-Hans
    reader_words = ReaderWords("图片；说明见下文。", "注{label}", "返回注{label}所在的正文",
                               "照片{number}待补", "（续）", "校样：{count}幅照片待补",
                               {"*": "星号", "\uff0a": "星号", "\u2020": "剑号",
                                "\u2021": "双剑号", "\u00a7": "分节号"})

    def holds(self, text: str) -> bool:
        """More characters only Simplified Chinese writes (这, 们) than characters only
        Traditional writes (這, 們)."""
        simplified = len(re.findall(f"[{SIMPLIFIED}]", text))
        return simplified > 0 and simplified > len(re.findall(f"[{TRADITIONAL}]", text))


SIMPLIFIED_CHINESE = SimplifiedChinese()
