#!/usr/bin/env python3
"""Generate N synthetic raw reports in the seeds' style: ``python bench/generate.py N OUT_DIR [--seed S]``.

Blocks (headings, paragraphs, sentences, captions, list items, bylines) are read from the seeds at run
time, re-drawn and shuffled per report, retargeted to another region and year, and damaged the way
the OCR'd seeds are: paragraphs broken in two at a page or column break, photo captions between
paragraphs after three blank lines, repeated passages, mixed half/full-width punctuation and a few
traditional characters.  Output depends only on (seeds, N, --seed): the same call writes the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
REGIONS_YML = ROOT / "reportsite" / "data" / "regions.yml"

# Places the seeds are about, longest spelling first, so a report can be moved to another region.
SEED_PLACES = (("临安市", "临安"), ("建德市", "建德"), ("余杭区", "余杭"), ("临平区", "临平"))
SEED_CITY = ("杭州市", "杭州")

# County-level units of Zhejiang with their city, used when reportsite/data/regions.yml is absent.
BENCH_REGIONS: dict[str, list[str]] = {
    "杭州市": ["上城区", "拱墅区", "西湖区", "滨江区", "萧山区", "余杭区", "临平区", "钱塘区", "富阳区",
            "临安区", "临安市", "桐庐县", "淳安县", "建德市"],
    "宁波市": ["海曙区", "江北区", "北仑区", "镇海区", "鄞州区", "奉化区", "余姚市", "慈溪市", "象山县", "宁海县"],
    "温州市": ["鹿城区", "龙湾区", "瓯海区", "洞头区", "瑞安市", "乐清市", "永嘉县", "平阳县", "苍南县", "文成县", "泰顺县"],
    "嘉兴市": ["南湖区", "秀洲区", "海宁市", "平湖市", "桐乡市", "嘉善县", "海盐县"],
    "湖州市": ["吴兴区", "南浔区", "德清县", "长兴县", "安吉县"],
    "绍兴市": ["越城区", "柯桥区", "上虞区", "诸暨市", "嵊州市", "新昌县"],
    "金华市": ["婺城区", "金东区", "兰溪市", "义乌市", "东阳市", "永康市", "武义县", "浦江县", "磐安县"],
    "衢州市": ["柯城区", "衢江区", "江山市", "常山县", "开化县", "龙游县"],
    "舟山市": ["定海区", "普陀区", "岱山县", "嵊泗县"],
    "台州市": ["椒江区", "黄岩区", "路桥区", "温岭市", "临海市", "玉环市", "三门县", "天台县", "仙居县"],
    "丽水市": ["莲都区", "龙泉市", "青田县", "缙云县", "遂昌县", "松阳县", "云和县", "庆元县", "景宁畲族自治县"],
}

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞燕海波建国志晓东宏斌峰丹云亮辉林荣新春"
BYLINES = ("■撰稿 {names}", "■本报撰稿 {names}", "■撰稿人:{names}", "■撰稿人：{names}", "■通讯员 {names}")
ACTIONS = (
    "奋进创新谱写工运新篇章", "全力打造职工信赖的“职工之家”", "带领职工共谱发展新篇章", "代表大会吹响奋进号角",
    "工作五年发展回眸", "推进四大工程 打造四型工会", "聚焦重点 书写新华章", "凝心聚力争一流", "砥砺奋进再前行",
)
# Simplified → traditional pairs for the few characters OCR sometimes returns in traditional form.
TRADITIONAL = dict(zip("会职动发劳业开经济术务区协资维权议实现", "會職動發勞業開經濟術務區協資維權議實現"))
FULL_TO_HALF = {"，": ",", "：": ":", "；": ";", "（": "(", "）": ")"}
HALF_TO_FULL = {v: k for k, v in FULL_TO_HALF.items()}
YEAR = re.compile(r"(?<!\d)(20[0-2]\d)(?!\d)")
NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?")
# Recombined clauses stay shorter than the 20 Han characters a repeated passage needs, so text shared
# across synthetic reports comes from the verbatim share (and chance pairs), not from every sentence.
MAX_CLAUSE = 10
MAX_SHARED = 15
VARIANTS = {
    "职工": ("职工", "职工", "广大职工", "一线职工", "全体职工"),
    "开展": ("开展", "开展", "积极开展", "广泛开展", "深入开展"),
    "推进": ("推进", "推进", "大力推进", "持续推进", "扎实推进"),
    "活动": ("活动", "活动", "系列活动", "主题活动", "各项活动"),
    "企业": ("企业", "企业", "各类企业", "非公企业", "重点企业"),
    "工作": ("工作", "工作", "各项工作", "日常工作", "基础工作"),
    "建设": ("建设", "建设", "规范化建设", "阵地建设", "体系建设"),
    "服务": ("服务", "服务", "精准服务", "普惠服务", "暖心服务"),
    "加强": ("加强", "加强", "进一步加强", "切实加强", "不断加强"),
    "提升": ("提升", "提升", "全面提升", "有效提升", "持续提升"),
}
VARIABLE_WORD = re.compile("|".join(VARIANTS))
SENTENCE_END = "。！？!?"
BLOCK_END = "。！？!?”；;：:…）)"


@dataclass
class Pool:
    """Everything drawn from the seeds, by kind."""

    headings: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    clauses: list[str] = field(default_factory=list)  # short clauses, recombined into new sentences
    leads: list[str] = field(default_factory=list)  # bold run-in leads such as **凝聚思想共识。**
    captions: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Region:
    """A county-level place and the city it belongs to."""

    name: str
    city: str

    @property
    def short(self) -> str:
        """The name without its 市/区/县 suffix when that leaves two characters or more."""
        return self.name[:-1] if len(self.name) > 2 and self.name[-1] in "市区县" else self.name


def split_blocks(text: str) -> list[tuple[int, str]]:
    """Blocks of a raw text with the number of blank lines before each."""
    blocks: list[tuple[int, str]] = []
    blank = 0
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.strip():
            blocks.append((blank, line.strip()))
            blank = 0
        else:
            blank += 1
    return blocks


def strip_marks(text: str) -> str:
    """Drop Markdown heading marks and the ◎ ornament from a block."""
    return re.sub(r"^#+\s*", "", text).lstrip("◎").strip()


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph, each keeping its final punctuation."""
    parts = re.findall(rf"[^{SENTENCE_END}]+[{SENTENCE_END}]*", paragraph)
    return [p for p in (s.strip() for s in parts) if len(p) >= 8]


def split_clauses(paragraph: str) -> list[str]:
    """Clauses of 4 to MAX_CLAUSE Han characters, without their closing mark."""
    parts = re.split(r"[，,；;：:。！？!?]", paragraph)
    return [p.strip() for p in parts if 4 <= han_count(p) <= MAX_CLAUSE and p.count("“") == p.count("”")]


def han_count(text: str) -> int:
    """Number of Han characters in text."""
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")


def classify(gap: int, text: str) -> str:
    """Kind of a seed block: caption, byline, item, heading or paragraph."""
    if text.startswith("■"):
        return "byline"
    if text.startswith("- "):
        return "item"
    if text.startswith("#") or text.startswith("◎"):
        return "heading"
    short = len(text) <= 40 and text[-1] not in BLOCK_END
    if short and gap >= 3:
        return "caption"
    if short and len(text) <= 30:
        return "heading"
    return "paragraph"


def join_broken(paragraphs: list[str]) -> list[str]:
    """Join seed paragraphs that a page break had cut (no sentence end before the cut)."""
    joined: list[str] = []
    for text in paragraphs:
        if joined and joined[-1][-1] not in BLOCK_END:
            joined[-1] += text
        else:
            joined.append(text)
    return joined


def build_pool(seed_texts: list[str]) -> Pool:
    """Sort every block of every seed into the pool by kind."""
    pool = Pool()
    for text in seed_texts:
        paragraphs: list[str] = []
        for gap, block in split_blocks(text)[1:]:  # the first block is the seed's own title or lead
            kind = classify(gap, block)
            if kind == "heading" and "。" not in block and len(block) <= 24:
                pool.headings.append(strip_marks(block))
            elif kind == "caption":
                pool.captions.append(block)
            elif kind == "item":
                pool.items.append(block[2:])
            elif kind == "paragraph":
                paragraphs.append(block)
        for paragraph in join_broken(paragraphs):
            pool.leads.extend(re.findall(r"\*\*([^*]+)\*\*", paragraph))
            plain = paragraph.replace("**", "")
            pool.paragraphs.append(plain)
            pool.sentences.extend(split_sentences(plain))
            pool.clauses.extend(split_clauses(plain))
    pool.clauses = sorted(set(pool.clauses))
    # Long captions and run-in leads would be passages shared by a share of all reports: keep short ones.
    pool.captions = [c for c in pool.captions if han_count(c) <= MAX_SHARED]
    pool.leads = [c for c in pool.leads if han_count(c) <= MAX_SHARED]
    return pool


def load_regions(path: Path = REGIONS_YML) -> list[Region]:
    """Regions from reportsite/data/regions.yml when it holds any, else the bench's own list."""
    regions = _regions_from_yaml(path) if path.exists() else []
    if not regions:
        regions = [Region(name, city) for city, names in BENCH_REGIONS.items() for name in names]
    return sorted(set(regions), key=lambda r: (r.city, r.name))


def _regions_from_yaml(path: Path) -> list[Region]:
    """County-level places of regions.yml: entries without children whose parent is a city (…市)."""
    try:
        import yaml

        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except Exception:  # noqa: BLE001 - an unreadable file means: use the bench's own list
        return []
    found: list[Region] = []
    _walk_regions(data, None, found)
    return found


def _walk_regions(node: object, parent: str | None, found: list[Region]) -> None:
    """Depth-first walk over {name, aliases, children} entries."""
    if isinstance(node, list):
        for item in node:
            _walk_regions(item, parent, found)
        return
    if not isinstance(node, dict) or not isinstance(node.get("name"), str):
        return
    name, children = node["name"], node.get("children") or []
    if not children and parent and parent.endswith("市") and name[-1] in "市区县":
        found.append(Region(name, parent))
    _walk_regions(children, name, found)


def retarget(text: str, region: Region, year_shift: int, rng: random.Random) -> str:
    """Move a seed passage to another region and year and vary its other numbers."""
    for full, short in SEED_PLACES:
        text = text.replace(full, region.name).replace(short, region.short)
    city_short = region.city[:-1] if region.city.endswith("市") else region.city
    text = text.replace(SEED_CITY[0], region.city).replace(SEED_CITY[1], city_short)
    text = YEAR.sub(lambda m: str(min(2024, int(m.group(1)) + year_shift)), text)
    return NUMBER.sub(lambda m: _vary_number(m.group(0), rng), text)


def _vary_number(number: str, rng: random.Random) -> str:
    """Another number of the same shape (years are kept)."""
    if YEAR.fullmatch(number) or rng.random() < 0.3:
        return number
    whole, dot, fraction = number.partition(".")
    first = str(rng.randint(1, 9)) if len(whole) > 1 or whole != "0" else "0"
    new_whole = first + "".join(str(rng.randint(0, 9)) for _ in whole[1:])
    return new_whole + dot + "".join(str(rng.randint(0, 9)) for _ in fraction)


def author_names(rng: random.Random) -> str:
    """One to three Chinese names separated by spaces."""
    names = []
    for _ in range(rng.choice((1, 1, 2, 3))):
        given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
        names.append(rng.choice(SURNAMES) + given)
    return " ".join(names)


def break_paragraph(text: str, rng: random.Random) -> tuple[str, str]:
    """Cut a paragraph in two mid-sentence, as a page or column break does (never inside a number)."""
    low, high = max(4, len(text) * 3 // 10), max(5, len(text) * 7 // 10)
    for _ in range(20):
        cut = rng.randint(low, high)
        if cut < len(text) and not (text[cut - 1].isascii() or text[cut].isascii()) and text[cut - 1] not in SENTENCE_END:
            return text[:cut], text[cut:]
    return text[: len(text) // 2], text[len(text) // 2 :]


def mix_punctuation(text: str, half_width: bool, rng: random.Random, rate: float) -> str:
    """Write the report's punctuation style, flipping a share of marks to the other width."""
    table = FULL_TO_HALF if half_width else HALF_TO_FULL
    other = HALF_TO_FULL if half_width else FULL_TO_HALF
    out = []
    for ch in text:
        ch = table.get(ch, ch)
        if ch in other and rng.random() < rate:
            ch = other[ch]
        out.append(ch)
    return "".join(out)


def add_traditional(text: str, rng: random.Random, count: int) -> str:
    """Replace a few simplified characters by their traditional forms."""
    chars = list(text)
    spots = [i for i, ch in enumerate(chars) if ch in TRADITIONAL]
    for i in rng.sample(spots, min(count, len(spots))):
        chars[i] = TRADITIONAL[chars[i]]
    return "".join(chars)


def vary_words(clause: str, rng: random.Random) -> str:
    """Lengthen a few common words (职工 → 广大职工), so recombined clauses rarely repeat exactly."""
    return VARIABLE_WORD.sub(lambda m: rng.choice(VARIANTS[m.group(0)]), clause)


def compose_sentence(pool: Pool, rng: random.Random) -> str:
    """A new sentence: two to five clauses from any seed, joined as the seeds join them."""
    clauses = [vary_words(rng.choice(pool.clauses), rng) for _ in range(rng.randint(2, 5))]
    return "".join(c + rng.choice("，，，，；、") for c in clauses[:-1]) + clauses[-1] + "。"


def caption(pool: Pool, rng: random.Random) -> str:
    """A photo caption from the seeds, often dated or placed so that captions rarely repeat verbatim."""
    text = vary_words(rng.choice(pool.captions), rng)
    choice = rng.random()
    if choice < 0.4:
        return f"{rng.randint(2012, 2019)}年{SEED_PLACES[0][1]}{text}"
    return f"{SEED_PLACES[0][1]}{text}" if choice < 0.7 else text


def compose_paragraph(pool: Pool, rng: random.Random, verbatim: float) -> str:
    """A body paragraph: a seed paragraph as it stands, or one to four new sentences."""
    if rng.random() < verbatim:
        return rng.choice(pool.paragraphs)
    text = "".join(compose_sentence(pool, rng) for _ in range(rng.randint(1, 4)))
    if pool.leads and rng.random() < 0.15:
        text = f"**{vary_words(rng.choice(pool.leads), rng)}**{text}"
    return text


def title_blocks(pool: Pool, region: Region, rng: random.Random, markdown: bool) -> list[str]:
    """Title lines: an optional kicker, the title naming the region, an optional subtitle."""
    title = f"{region.name}总工会{rng.choice(ACTIONS)}"
    if rng.random() < 0.15:
        title = f"{rng.choice(pool.headings)} {title}"
    blocks = []
    if rng.random() < 0.6:
        blocks.append(("## " if markdown else "") + rng.choice(pool.headings))
    blocks.append(("# " if markdown else "") + title)
    return blocks


@dataclass
class Layout:
    """The body being laid out: blocks as text, and the gap of blank lines before each."""

    blocks: list[tuple[int, str]] = field(default_factory=list)

    def add(self, text: str, gap: int = 1) -> None:
        """Append a block after `gap` blank lines."""
        self.blocks.append((gap, text))

    def photo(self, caption: str) -> None:
        """A photo gap: three blank lines, the caption, then the text goes on after three more."""
        self.blocks.append((3, caption))
        self.blocks.append((3, ""))

    def text(self) -> str:
        """The raw text as the OCR tool wrote it (two blank lines before the first block, like the seeds)."""
        out = []
        pending = 2
        for gap, block in self.blocks:
            if not block:  # the far side of a photo gap
                pending = max(pending, gap)
                continue
            out.append("\n" * max(gap, pending) + block + "\n")
            pending = 0
        out.append("\n" * pending)
        return "".join(out)


@dataclass(frozen=True)
class Options:
    """Knobs of the generator."""

    verbatim: float = 0.01  # share of paragraphs copied whole from a seed (shared across reports)
    break_rate: float = 0.25  # share of paragraphs cut in two
    repeat_rate: float = 0.6  # share of reports with a repeated passage


def generate_report(pool: Pool, regions: list[Region], index: int, seed: int, options: Options = Options()) -> str:
    """The raw text of synthetic report number `index` (deterministic in index and seed)."""
    rng = random.Random(f"reportsite-bench:{seed}:{index}")
    region = rng.choice(regions)
    shift = rng.randint(-7, 5)
    markdown = rng.random() < 0.3
    half_width = rng.random() < 0.5
    layout = Layout()
    for block in title_blocks(pool, region, rng, markdown):
        layout.add(block)
    byline = rng.choice(BYLINES).format(names=author_names(rng))
    byline_first = rng.random() < 0.4
    if byline_first:
        layout.add(byline)
    written: list[str] = []
    for _ in range(rng.randint(3, 6)):
        _add_section(layout, pool, rng, options, markdown, written)
    _add_repeats(layout, written, rng, options)
    if not byline_first:
        layout.add(byline)
    if rng.random() < 0.5:
        layout.photo(caption(pool, rng))
    text = layout.text()
    text = retarget(text, region, shift, rng)
    text = mix_punctuation(text, half_width, rng, rate=0.04)
    if rng.random() < 0.3:
        text = add_traditional(text, rng, rng.randint(1, 3))
    return text


def _add_section(layout: Layout, pool: Pool, rng: random.Random, options: Options, markdown: bool, written: list[str]) -> None:
    """A heading, then paragraphs (or a short list), with photos and page breaks between them."""
    heading = rng.choice(pool.headings)
    layout.add(("### " if markdown else rng.choice(("", "", "◎"))) + heading)
    if pool.items and rng.random() < 0.1:
        for _ in range(rng.randint(2, 5)):  # items in the seeds' list style, made of short clauses
            item = "，".join(vary_words(rng.choice(pool.clauses), rng) for _ in range(rng.randint(1, 2)))
            layout.add("- " + item, gap=0 if layout.blocks[-1][1].startswith("- ") else 1)
        return
    for _ in range(rng.randint(2, 6)):
        paragraph = compose_paragraph(pool, rng, options.verbatim)
        written.append(paragraph)
        if rng.random() < options.break_rate and len(paragraph) >= 20:
            head, tail = break_paragraph(paragraph, rng)
            layout.add(head)
            if rng.random() < 0.5:
                layout.photo(caption(pool, rng))
            layout.add(tail)
        else:
            layout.add(paragraph)
        if rng.random() < 0.12:
            layout.photo(caption(pool, rng))


def _add_repeats(layout: Layout, written: list[str], rng: random.Random, options: Options) -> None:
    """Repeat a passage already printed: a layout copy of a paragraph's tail after a photo gap."""
    if not written or rng.random() >= options.repeat_rate:
        return
    source = rng.choice(written)
    sentences = split_sentences(source.replace("**", ""))
    passage = sentences[-1] if sentences and rng.random() < 0.5 else source.replace("**", "")
    where = rng.randint(len(layout.blocks) // 2, len(layout.blocks))
    layout.blocks[where:where] = [(3, passage)] if rng.random() < 0.5 else [(1, passage)]


def report_name(index: int, text: str) -> str:
    """File name in the seeds' style: running number and a short content hash."""
    return f"{index:05d}_{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}.txt"


def read_seeds(seeds_dir: Path) -> list[str]:
    """The seed texts, in sorted file order."""
    paths = sorted(p for p in seeds_dir.iterdir() if p.is_file() and not p.name.startswith("."))
    if not paths:
        raise SystemExit(f"{seeds_dir}: no seeds to draw from")
    return [p.read_text(encoding="utf-8") for p in paths]


def generate(count: int, out_dir: Path, seed: int = 0, seeds_dir: Path = SEEDS_DIR, options: Options = Options()) -> list[Path]:
    """Write `count` synthetic reports into out_dir; return their paths."""
    pool = build_pool(read_seeds(seeds_dir))
    regions = load_regions()
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        text = generate_report(pool, regions, index, seed, options)
        path = out_dir / report_name(index, text)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    """Command line: N OUT_DIR [--seed S] [--seeds DIR] [--verbatim F]."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of reports to write")
    parser.add_argument("out_dir", type=Path, help="folder to write them into (created)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--seeds", type=Path, default=SEEDS_DIR, help="folder of seed reports to draw from")
    parser.add_argument("--verbatim", type=float, default=Options.verbatim, help="share of paragraphs copied whole from a seed")
    args = parser.parse_args(argv)
    paths = generate(args.count, args.out_dir, args.seed, args.seeds, Options(verbatim=args.verbatim))
    print(f"wrote {len(paths)} report(s) to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
