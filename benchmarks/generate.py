#!/usr/bin/env python3
"""Generate realistic township self-assessment submissions for the benchmark.

生成用于性能测试的乡镇自评估提交文件：每个约 40 KB，中文说明，答复指南中每一个可评估条款，
带证据清单（证据文件放在同一文件夹的 evidence/ 下，只生成一次），约 5% 的文件含有常见错误。

Every file answers every assessable clause of the newest released guideline version with a value
that fits the indicator's type and range and mostly meets its target, a mix of statuses, 2-4 evidence
items per answer (some with a SHA-256) and Chinese notes; files come out at about 40 KB. A small
share (``--mistakes``, 5 % by default) carries one to three realistic mistakes, so a benchmark also
walks the path that finds and positions problems. Output is deterministic for a given ``--seed``:
file ``i`` depends only on the seed and ``i``, however many processes write them.

    python benchmarks/generate.py --files 2000 --out benchmarks/out/submissions
    python benchmarks/generate.py --small-file benchmarks/out/single/small.yaml

A ``.manifest.json`` next to the files records the seed, the guideline version and which files
have which mistakes (the tests and ``run.py`` read it).

``--guideline-version V`` answers another version, e.g. the 2.0.0 working draft with its stages,
baselines and gradings. Everything about the clauses is read from the loaded guideline model, and a
derived status comes from nbscheck's own functions: the generator is a consumer of the library, not a
second implementation of its rules.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "out" / "submissions"
MANIFEST = ".manifest.json"
FORMAT = 4  # bump when the generated content changes, so run.py regenerates

# --- word pools ------------------------------------------------------------------------------------

PROVINCES = [  # (code prefix, zh, en)
    ("33", "浙江省", "Zhejiang"), ("32", "江苏省", "Jiangsu"), ("44", "广东省", "Guangdong"),
    ("35", "福建省", "Fujian"), ("36", "江西省", "Jiangxi"), ("43", "湖南省", "Hunan"),
    ("42", "湖北省", "Hubei"), ("51", "四川省", "Sichuan"), ("53", "云南省", "Yunnan"),
    ("52", "贵州省", "Guizhou"), ("45", "广西壮族自治区", "Guangxi"), ("34", "安徽省", "Anhui"),
    ("37", "山东省", "Shandong"), ("41", "河南省", "Henan"), ("13", "河北省", "Hebei"),
    ("61", "陕西省", "Shaanxi"), ("62", "甘肃省", "Gansu"), ("15", "内蒙古自治区", "Inner Mongolia"),
    ("23", "黑龙江省", "Heilongjiang"), ("22", "吉林省", "Jilin"), ("21", "辽宁省", "Liaoning"),
    ("46", "海南省", "Hainan"), ("50", "重庆市", "Chongqing"), ("54", "西藏自治区", "Xizang"),
    ("63", "青海省", "Qinghai"), ("64", "宁夏回族自治区", "Ningxia"), ("65", "新疆维吾尔自治区", "Xinjiang"),
    ("14", "山西省", "Shanxi"), ("31", "上海市", "Shanghai"), ("11", "北京市", "Beijing"),
    ("12", "天津市", "Tianjin"),
]
# more townships in the provinces that have more of them
PROVINCE_WEIGHTS = [6, 5, 6, 4, 6, 8, 5, 10, 6, 6, 5, 5, 7, 8, 8, 5, 5, 4, 4, 3, 4, 1, 3, 2, 1, 1, 3, 5, 1, 1, 1]

SYLLABLES = [  # (hanzi, pinyin) for place names
    ("青", "qing"), ("山", "shan"), ("河", "he"), ("溪", "xi"), ("石", "shi"), ("桥", "qiao"), ("龙", "long"),
    ("凤", "feng"), ("安", "an"), ("平", "ping"), ("新", "xin"), ("塘", "tang"), ("岭", "ling"), ("林", "lin"),
    ("白", "bai"), ("云", "yun"), ("水", "shui"), ("东", "dong"), ("西", "xi"), ("南", "nan"), ("北", "bei"),
    ("清", "qing"), ("泉", "quan"), ("松", "song"), ("竹", "zhu"), ("梅", "mei"), ("兴", "xing"), ("和", "he"),
    ("丰", "feng"), ("马", "ma"), ("金", "jin"), ("沙", "sha"), ("湖", "hu"), ("坪", "ping"), ("峰", "feng"),
    ("源", "yuan"), ("阳", "yang"), ("乐", "le"), ("永", "yong"), ("宁", "ning"), ("茶", "cha"), ("花", "hua"),
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰建国志红海燕文斌晓宇新民"
ROLES = ["生态办主任", "农业农村办副主任", "党政办工作人员", "自然资源所所长", "林业站站长",
         "乡镇副镇长", "生态环境工作专干", "社会事务办科员"]
VILLAGES_SUFFIX = ["村", "社区"]
UNITS_ZH = {"ha": "公顷", "km": "千米", "m": "米", "species": "种", "sites": "处", "villages": "个村",
            "persons": "人次", "events": "次", "times-per-year": "次/年", "years": "年", "wan-yuan": "万元",
            "tco2e": "吨二氧化碳当量", "count": "个"}
ORGS = ["县林业局", "县自然资源局", "县生态环境分局", "县农业农村局", "省林业科学研究院", "某农林大学生态学院",
        "县水利局", "市环境科学研究所", "县气象局", "县文化和旅游局", "乡镇农业综合服务中心", "第三方咨询机构"]

SENTENCES = [
    "{year}年{month}月，{town}会同{org}完成了{ind}相关工作，形成书面成果并存档备查。",
    "本项工作由{town}{role}牵头，{org}提供技术支持，共涉及{villages}个行政村。",
    "截至{year}年底，该指标实测值为{value}，数据来源于{org}出具的{doc}。",
    "调查采用样线法、样方法和红外相机相结合的方式，共布设样线{n}条、样方{m}个、红外相机{k}台。",
    "{village}和{village2}为本项工作的重点区域，已在图件中标明范围和边界。",
    "工作过程中召开村民座谈会{n}次，收集意见建议{m}条，均已逐条答复并记录在案。",
    "相关资金{money}万元已列入{year}年度乡镇财政预算，其中上级补助{money2}万元。",
    "存在的不足：部分偏远山区样地调查频次偏低，计划于{year2}年度补充调查。",
    "下一步将结合县级国土空间规划修编，进一步完善{ind}的相关内容。",
    "数据已于{year}年{month}月汇交{org}，并在乡镇政务公开栏和网站同步公开。",
    "该项工作纳入乡镇年度目标责任考核，由分管领导定期调度，确保按期完成。",
    "对照指南要求逐项核查，目前已满足主要条件，个别细节仍在完善。",
    "现场核查照片、会议纪要和验收意见均已整理，随本提交文件一并提供。",
    "本底年为{year0}年，评估期内指标较本底年有明显改善。",
    "经{org}专家组现场评审，认为该项工作方法规范、数据可靠、成果可用。",
    "其中{village}在沿溪两岸开展了植被恢复，补植乡土树种{n}株，成活率约{pct}%。",
    "监测发现白鹭、黑水鸡、中华秋沙鸭等指示物种的记录次数较上年有所增加。",
    "针对加拿大一枝黄花、福寿螺等外来入侵物种，已组织集中清除{n}次。",
    "已与{village}村民委员会签订管护协议，明确管护范围、责任人和经费来源。",
    "该指标口径按指南附录中的计算方法确定，分母为全乡镇范围内的全部对象。",
]
DOCS = ["调查报告", "评估报告", "监测报告", "验收意见", "专题图件", "工作台账", "会议纪要", "统计报表"]

EVIDENCE_NAMES = {  # kind -> [(file stem, description)]
    "survey-report": [("生物多样性本底调查报告", "全域物种和生境本底调查报告（正式稿）"),
                      ("生态系统服务评估报告", "主要生态系统服务实物量和价值量核算报告"),
                      ("威胁因素评估报告", "生物多样性主要威胁因素评估报告"),
                      ("入户访谈汇总报告", "入户访谈与村民座谈汇总分析报告"),
                      ("碳汇核算报告", "乡镇森林和湿地碳汇核算报告"),
                      ("年度评估报告", "上一年度生物多样性友好建设评估报告")],
    "species-list": [("维管植物名录", "乡镇野生维管植物名录（含保护等级）"),
                     ("陆生脊椎动物名录", "陆生哺乳类、鸟类、爬行类和两栖类名录"),
                     ("外来入侵物种名录", "外来入侵物种名录（最近更新版）"),
                     ("重点保护物种清单", "重点保护物种清单及分布点位")],
    "map": [("生境类型图", "全域生境类型图 1:10000"), ("生态网络图", "乡镇生态网络与廊道分布图"),
            ("三区划定图", "保护、修复和利用三类分区图"), ("入侵物种分布图", "外来入侵物种分布图"),
            ("断点分布图", "生态廊道断点分布图"), ("监测样点分布图", "监测样线和样点分布图")],
    "plan": [("全域实施方案", "生物多样性友好乡镇全域实施方案（批准稿）"), ("监测方案", "生物多样性监测方案"),
             ("防控方案", "重点入侵物种防控方案"), ("管护计划", "验收后五年管护计划"),
             ("修复工程设计", "退化土地和河岸修复工程设计文本")],
    "official-document": [("领导小组成立通知", "关于成立生物多样性友好乡镇建设领导小组的通知"),
                          ("职责分工文件", "生物多样性友好建设职责分工方案"),
                          ("实施方案批复", "乡镇人民政府关于实施方案的批复"),
                          ("县级确认函", "县自然资源局合规确认函")],
    "monitoring-data": [("年度监测数据", "年度监测数据表（xlsx 导出）"), ("红外相机记录", "红外相机监测记录汇总"),
                        ("水质监测数据", "主要河流水质监测数据"), ("鸟类样线数据", "鸟类固定样线调查数据")],
    "photo": [("现场照片", "现场核查照片（含拍摄时间和位置）"), ("生态护岸照片", "生态护岸建成前后对比照片"),
              ("自然教育活动照片", "自然教育活动现场照片"), ("动物通道照片", "动物通道和踏脚石生境照片")],
    "meeting-record": [("村民座谈会纪要", "村民座谈会会议纪要"), ("协商会议记录", "行政村协商会议记录"),
                       ("专家评审会纪要", "专家评审会会议纪要")],
    "agreement": [("管护协议", "管护责任协议（乡镇与村委会）"), ("科研合作协议", "与高校的科研合作协议"),
                  ("农户同意书", "涉及农户书面同意书汇编")],
    "financial-record": [("专项预算", "年度生物多样性专项预算表"), ("补偿资金发放表", "生态补偿资金发放明细"),
                         ("资金计划", "三年滚动资金计划")],
    "training-record": [("培训签到表", "培训与宣传活动签到表"), ("活动记录", "村民保护活动记录台账")],
    "other": [("经验教训台账", "经验教训台账"), ("申诉受理台账", "申诉受理答复台账"), ("其他材料", "其他佐证材料")],
}
EXTS = [".pdf", ".pdf", ".pdf", ".docx", ".xlsx", ".jpg", ".zip"]
EXTRA_KINDS = ["photo", "meeting-record", "other", "monitoring-data"]
STATUSES = ("met", "partial", "not_met", "not_applicable")

# --- evidence files --------------------------------------------------------------------------------


def evidence_pool(base: Path, seed: int, write: bool = True) -> dict[str, list[dict[str, str]]]:
    """Write the shared evidence files once (small, deterministic); return kind -> [{path, sha256, description}]."""
    rnd = random.Random(f"{seed}-evidence")
    pool: dict[str, list[dict[str, str]]] = {}
    for kind, names in EVIDENCE_NAMES.items():
        items = pool.setdefault(kind, [])
        for stem, desc in names:
            for year in (2023, 2024, 2025):
                ext = rnd.choice(EXTS) if kind != "photo" else ".jpg"
                rel = f"evidence/{year}-{stem}{ext}"
                body = (f"{desc}\n{year}\n" + "示例证据文件，仅用于性能测试。" * rnd.randint(5, 60)).encode("utf-8")
                p = base / rel
                if write:
                    p.parent.mkdir(parents=True, exist_ok=True)
                    if not p.is_file() or p.read_bytes() != body:
                        p.write_bytes(body)
                items.append({"path": rel, "sha256": hashlib.sha256(body).hexdigest(), "description": f"{year}年{desc}"})
    return pool


# --- one submission --------------------------------------------------------------------------------


def _q(s: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def _num(v: float | int) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return f"{v:.1f}".rstrip("0").rstrip(".") if v != int(v) else str(int(v))
    return str(v)


def answered_guideline(version: str | None = None) -> Any:
    """The guideline the files answer. Townships answer a released version (the working draft may
    still change), so by default the newest release (the working version only when nothing is
    released yet); ``version`` names another one, e.g. the working draft, to measure it early."""
    from nbscheck.model.guideline import shipped, versions

    if version:
        return shipped(version)
    released = [v for v, p in versions().items() if p.parent.name == "releases"]
    return shipped(max(released, key=lambda v: tuple(map(int, v.split(".")))) if released else None)


class _Clauses:
    """The parts of the guideline the generator needs, as plain data (picklable, fast)."""

    def __init__(self, version: str | None = None) -> None:
        g = answered_guideline(version)
        self.version = g.version
        self.id = g.id
        self.units = sorted(g.units)
        rules = g.rules
        self.stages = [s.id for s in rules.stages]
        core = set(rules.qualification.core_clauses)
        # the library's own judgement (kept per process, not pickled): a generated status is what it says
        self.factors = {k: v.factor for k, v in rules.statuses.items()}
        self.indicators: dict[str, Any] = {}
        self.chapters: list[tuple[str, list[dict[str, Any]]]] = []
        for ch in g.chapters:
            rows = []
            for c in ch.clauses:
                a = c.assessment
                if a is None:
                    continue
                ind = a.indicator
                lo, hi = ind.bounds()
                t = ind.target
                self.indicators[c.id] = ind
                rows.append({"id": c.id, "level": c.level, "type": ind.type, "unit": ind.unit, "integer": ind.integer,
                             "core": c.id in core, "stages": list(a.stages), "baseline": ind.baseline,
                             "graded": ind.grading is not None,
                             "lo": lo, "hi": hi, "at_least": t.at_least, "at_most": t.at_most, "equals": t.equals,
                             "one_of": list(t.one_of), "min_length": t.min_length,
                             "choices": [x.id for x in ind.choices], "evidence": list(a.evidence),
                             "na": a.not_applicable, "name": ind.name.zh})
            if rows:
                self.chapters.append((ch.heading("zh"), rows))
        self.not_assessed = [c.id for ch in g.chapters for c in ch.clauses if c.assessment is None and c.level != "statement"]


def _value(c: dict[str, Any], status: str, rnd: random.Random) -> Any:
    """A value of the right type and range that meets (met), nearly meets (partial) or misses (not_met) the target."""
    t = c["type"]
    if t == "boolean":
        want = c["equals"] if c["equals"] is not None else True
        return want if status == "met" else (not want)
    if t == "choice":
        good = c["one_of"] or c["choices"]
        bad = [x for x in c["choices"] if x not in good] or good
        return rnd.choice(good if status == "met" else bad)
    if t == "text":
        n = (c["min_length"] or 20) + rnd.randint(5, 60)
        return "".join(rnd.choice("本乡镇已按要求开展相关工作并形成书面记录") for _ in range(n))
    lo, hi = c["lo"], c["hi"]
    integer = c["integer"]

    def fit(v: float) -> float | int:
        if lo is not None:
            v = max(v, lo)
        if hi is not None:
            v = min(v, hi)
        if c["type"] == "percentage" and 0 < v < 1:  # 0.2 % reads as a fraction (NBS264): a township writes 0
            v = 0
        return int(round(v)) if integer else round(v, 1)

    if c["at_most"] is not None:  # smaller is better
        tgt = c["at_most"]
        if status == "met":
            v = fit(rnd.uniform(lo if lo is not None else tgt * 0.3, tgt))
            return v if v <= tgt else fit(tgt)
        v = fit(tgt * rnd.uniform(1.15, 1.8) + (1 if integer else 0.5))
        return v if v > tgt else fit(tgt + 1)
    tgt = c["at_least"] if c["at_least"] is not None else (lo or 0)
    if status == "met":
        top = hi if hi is not None else max(tgt * 1.8, tgt + 10)
        v = fit(rnd.uniform(tgt, top) if rnd.random() < 0.6 else tgt)
        return v if v >= tgt else fit(tgt)
    if tgt <= (lo if lo is not None else -1e9):  # nothing below the target is allowed: report the target
        return fit(tgt)
    floor = lo if lo is not None else tgt - max(5, abs(tgt))
    share = rnd.uniform(0.55, 0.95) if status == "partial" else rnd.uniform(0.0, 0.5)
    v = fit(floor + (tgt - floor) * share)
    if v >= tgt:
        v = fit(tgt - (1 if integer else 0.5))
    return v if v < tgt else None


def _value_against(c: dict[str, Any], status: str, rnd: random.Random, base: float | int) -> float | int | None:
    """The value of an outcome indicator whose target is on the change against ``base``: the change
    is drawn like any value (meeting, nearly meeting or missing the target), then added to the base."""
    pct = c["baseline"] == "percent_change"
    lo, hi = (-60.0, 40.0) if pct else (-min(30, base), 80)
    change = _value(dict(c, type="number", lo=lo, hi=hi, integer=c["integer"] and not pct), status, rnd)
    if change is None:
        return None
    v = base * (1 + change / 100) if pct else base + change
    return int(round(v)) if c["integer"] else round(v, 1)


class Writer:
    """Writes the YAML text of one submission (by hand, as a township's editor would leave it)."""

    def __init__(self, clauses: _Clauses, pool: dict[str, list[dict[str, str]]]):
        self.cl = clauses
        self.pool = pool

    def township(self, i: int, rnd: random.Random) -> dict[str, str]:
        code_p, prov_zh, prov_en = rnd.choices(PROVINCES, PROVINCE_WEIGHTS)[0]
        town, n = 101 + i % 899, i // 899  # unique codes for i below 899 * 99 * 99 (8.8 million)
        county, city = 1 + n % 99, 1 + (n // 99) % 99
        code = f"{code_p}{city:02d}{county:02d}{town:03d}"
        s = rnd.sample(SYLLABLES, 4)
        kind_zh, kind_en = rnd.choice([("镇", "Town"), ("镇", "Town"), ("乡", "Township"), ("街道", "Subdistrict")])
        name_zh = s[0][0] + s[1][0] + kind_zh
        name_en = (s[0][1] + s[1][1]).capitalize() + " " + kind_en
        county_zh = s[2][0] + s[3][0] + rnd.choice(["县", "县", "市", "区"])
        county_en = (s[2][1] + s[3][1]).capitalize() + " County"
        return {"code": code, "name_zh": name_zh, "name_en": name_en, "county_zh": county_zh,
                "county_en": county_en, "prov_zh": prov_zh, "prov_en": prov_en}

    def sentence(self, rnd: random.Random, town: str, ind: str, value: str, year: int) -> str:
        v1, v2 = rnd.sample(SYLLABLES, 2), rnd.sample(SYLLABLES, 2)
        return rnd.choice(SENTENCES).format(
            year=year, year0=year - rnd.randint(2, 4), year2=year + 1, month=rnd.randint(1, 12), town=town,
            org=rnd.choice(ORGS), ind=ind, role=rnd.choice(ROLES), villages=rnd.randint(3, 24), value=value,
            doc=rnd.choice(DOCS), n=rnd.randint(2, 40), m=rnd.randint(5, 120), k=rnd.randint(6, 60),
            village=v1[0][0] + v1[1][0] + rnd.choice(VILLAGES_SUFFIX), village2=v2[0][0] + v2[1][0] + "村",
            money=rnd.randint(20, 400), money2=rnd.randint(5, 150), pct=rnd.randint(75, 98))

    def build(self, i: int, seed: int, mistake_share: float, target_bytes: int | None = 40_000,
              small: bool = False) -> tuple[str, list[str]]:
        """Text of submission ``i`` and the mistakes it carries (empty for a valid file)."""
        rnd = random.Random(f"{seed}-{i}")
        tw = self.township(i, rnd)
        year = rnd.choice([2024, 2024, 2025])
        quality = rnd.betavariate(6, 1.6)  # most townships are good, a few are weak
        ready = rnd.random() < 0.55  # about half meet every shall clause, so they can qualify
        mistakes: list[str] = []
        if not small and rnd.random() < mistake_share:
            mistakes = rnd.sample(MISTAKES, rnd.choice([1, 1, 1, 2, 3]))
            mistakes = [m for m in mistakes if m not in FATAL] or mistakes[:1]  # at most one fatal, alone
            if any(m in FATAL for m in mistakes):
                mistakes = [next(m for m in mistakes if m in FATAL)]
        # a guideline with stages: a mix of first recognitions, re-assessments and files that name no
        # stage (every clause assessed); a clause of another stage is left out, as the template does
        stage = rnd.choices(self.cl.stages + [None], [4] * len(self.cl.stages) + [2])[0] if self.cl.stages else None
        tw["stage"] = stage or ""
        answers: list[dict[str, Any]] = []
        for heading, rows in self.cl.chapters:
            for c in rows:
                if stage and c["stages"] and stage not in c["stages"]:
                    continue
                q = 1.2 if ready and (c["level"] == "shall" or c["core"]) else quality
                answers.append(self.answer(c, rnd, q, tw, year, heading, small))
        # notes fill the file to about target_bytes (their length varies, so files do too)
        if target_bytes and not small:
            fixed = sum(len(self.render_answer(a).encode()) for a in answers) + 300
            goal = int(target_bytes * rnd.uniform(0.88, 1.12))
            # a guideline with more clauses than fit in the goal still gets some prose (its files grow)
            budget = goal - fixed if goal > fixed else int(fixed * 0.12)
            per = budget / max(1, len(answers))
            for a in answers:
                want = int(per * rnd.uniform(0.5, 1.5))
                parts: list[str] = []
                size = 0
                while True:  # whole sentences, stopping nearest to the share of this answer
                    s = self.sentence(rnd, tw["name_zh"], a["c"]["name"], a.get("value_text", "-"), year)
                    n = len(s.encode()) + 7
                    if size + n / 2 > want:
                        break
                    parts.append(s)
                    size += n
                a["note"] = parts
        applied = []
        for m in mistakes:  # the manifest lists a mistake only when the file carries it
            before = sum(1 for a in answers if a.get("mistake"))
            apply_mistake(m, answers, tw, rnd, self)
            if m in RENDERED or sum(1 for a in answers if a.get("mistake")) > before:
                applied.append(m)
        mistakes = applied
        return self.render(tw, year, answers, rnd, mistakes, small), mistakes

    def answer(self, c: dict[str, Any], rnd: random.Random, quality: float, tw: dict[str, str], year: int,
               heading: str, small: bool) -> dict[str, Any]:
        r = rnd.random()
        if c["na"] and r < 0.08:
            status = "not_applicable"
        elif r < 0.08 + 0.85 * quality:
            status = "met"
        elif r < 0.08 + 0.85 * quality + (1 - quality) * 0.8 + 0.03:
            status = "partial"
        else:
            status = "not_met"
        if status == "not_applicable" and not c["na"]:
            status = "met"
        a: dict[str, Any] = {"c": c, "status": status, "heading": heading, "evidence": [], "note": []}
        if status == "not_applicable":
            if c["baseline"]:  # the baseline may be recorded all the same, for the next assessment
                a["baseline"] = self.baseline(c, rnd, year, tw["stage"])
            a["justification"] = rnd.choice([
                f"{tw['name_zh']}境内无此类对象，经{rnd.choice(ORGS)}现场核实。",
                f"评估期内{tw['name_zh']}未实施相关项目，本条不适用。",
                "本乡镇无相关设施或项目，已在实施方案中说明。",
            ])
            return a
        base: dict[str, Any] | None = None
        if c["baseline"]:
            a["baseline"] = base = self.baseline(c, rnd, year, tw["stage"])
            value = _value_against(c, status, rnd, base["value"])
        else:
            value = _value(c, status, rnd)
        if value is None:  # no value below the target exists: report the target as partial
            value, status, a["status"] = _value(c, "met", rnd), "partial", "partial"
        if c["baseline"] or c["graded"]:  # the status the library gives this value, never a second rule set
            status = a["status"] = self.judged_status(c, value, base, status)
            if c["graded"] and rnd.random() < 0.3:  # the status follows from the value: often left out
                a["no_status"] = True
        a["value"] = value
        unit = c["unit"]
        a["value_text"] = _num(value) + (UNITS_ZH.get(unit, "") if unit else ("%" if c["type"] == "percentage" else ""))
        if unit and rnd.random() < 0.7:
            a["unit"] = unit
        if status in ("met", "partial"):
            kinds = list(c["evidence"])
            extra = [k for k in EXTRA_KINDS if k not in kinds] if not small else []
            want = rnd.choice((2, 2, 2, 3, 3, 4))
            while len(kinds) < want and extra:
                kinds.append(extra.pop(rnd.randrange(len(extra))))
        else:
            kinds = rnd.sample(list(c["evidence"]), min(len(c["evidence"]), rnd.randint(0, 1)))
        for k in kinds:
            item = dict(rnd.choice(self.pool[k]))
            ev = {"path": item["path"], "kind": k}
            if not small:
                if rnd.random() < 0.2:
                    ev["sha256"] = item["sha256"]
                if rnd.random() < 0.03:
                    ev["path"] = item["path"].replace("/", "\\")  # written on Windows: accepted
                if rnd.random() < 0.35:
                    ev["description"] = item["description"]
            a["evidence"].append(ev)
        return a

    def baseline(self, c: dict[str, Any], rnd: random.Random, year: int, stage: str) -> dict[str, Any]:
        """The baseline a township recorded for an outcome clause: a value of the clause's kind, the
        year (before the period: a few years back at a re-assessment) and one evidence item."""
        lo = c["lo"] if c["lo"] is not None else 0
        if c["baseline"] == "percent_change":
            v: float | int = round(rnd.uniform(max(lo, 50.0), max(lo, 50.0) * 40), 1)
        else:
            v = rnd.randint(int(lo) + 12, int(lo) + 900) if c["integer"] else round(rnd.uniform(lo + 10, lo + 2000), 1)
        back = rnd.randint(3, 5) if stage != "entry" and rnd.random() < 0.8 else rnd.randint(0, 2)
        kind = rnd.choice(list(c["evidence"])) if c["evidence"] else "survey-report"
        item = rnd.choice(self.pool[kind])
        return {"value": v, "year": year - back, "evidence": [{"path": item["path"], "kind": kind}]}

    def judged_status(self, c: dict[str, Any], value: Any, base: dict[str, Any] | None, wanted: str) -> str:
        """The status nbscheck's model gives ``value``: graded by the clause's grading, or the
        wanted status kept when it agrees with the target (met only when the target is reached)."""
        from nbscheck.model.indicators import derived_status, judged_value, target_reached

        ind = self.cl.indicators[c["id"]]
        judged = judged_value(ind, {"value": value, "baseline": base} if base else {"value": value})
        got = derived_status(ind, judged, self.cl.factors)
        if got is not None:
            return got[0]
        reached = target_reached(ind, judged)
        if reached is None:
            return wanted
        return "met" if reached else (wanted if wanted != "met" else "partial")

    # --- rendering ---------------------------------------------------------------------------------

    def render_answer(self, a: dict[str, Any]) -> str:
        c = a["c"]
        key = a.get("key", c["id"])
        lines = [f"  {_q(key)}:"] + ([] if a.get("no_status") else [f"    status: {a['status']}"])
        if "value" in a and a["value"] is not None:
            v = a["value"]
            lines.append(f"    value: {_q(v) if isinstance(v, str) else _num(v)}")
        if "unit" in a:
            lines.append(f"    unit: {a['unit']}")
        if "justification" in a:
            lines.append(f"    justification: {_q(a['justification'])}")
        base = a.get("baseline")
        if base:
            lines += ["    baseline:", f"      value: {_num(base['value'])}", f"      year: {base['year']}", "      evidence:"]
            lines += [f"        - {{path: {_q(e['path'])}, kind: {e['kind']}}}" for e in base["evidence"]]
        if a["evidence"]:
            lines.append("    evidence:")
            for ev in a["evidence"]:
                if "description" not in ev and "sha256" not in ev:
                    lines.append(f"      - {{path: {_q(ev['path'])}, kind: {ev['kind']}}}")
                    continue
                path = ev["path"]
                lines.append(f"      - path: {_q(path) if chr(92) in path else path}")
                lines.append(f"        kind: {ev['kind']}")
                if "sha256" in ev:
                    lines.append(f"        sha256: {ev['sha256']}")
                if "description" in ev:
                    lines.append(f"        description: {ev['description']}")
        note = a.get("note")
        if note:
            if len(note) == 1:
                lines.append(f"    note: {note[0]}")
            else:
                lines.append("    note: |-")
                lines.extend(f"      {s}" for s in note)
        return "\n".join(lines)

    def render(self, tw: dict[str, str], year: int, answers: list[dict[str, Any]], rnd: random.Random,
               mistakes: list[str], small: bool) -> str:
        sur = rnd.choice(SURNAMES)
        person = sur + "".join(rnd.sample(GIVEN, rnd.choice([1, 2])))
        start, end = f"{year}-01-01", f"{year}-12-31"
        if "period-reversed" in mistakes:
            start, end = f"{year}-12-31", f"{year}-01-01"
        code = tw["code"]
        if "bad-province" in mistakes:
            code = "99" + code[2:]
        out = [
            f"# {tw['prov_zh']}{tw['county_zh']}{tw['name_zh']} 生物多样性友好乡镇自评估（{year}年度）",
            "# yaml-language-server: $schema=https://nbscheck.github.io/nbscheck/schemas/"
            f"submission-{self.cl.id}-{self.cl.version}.schema.json",
            "guideline:",
            f"  id: {self.cl.id}",
            f"  version: {_q(self.cl.version)}",
            *([f"stage: {tw['stage']}"] if tw.get("stage") else []),
            "township:",
            f"  name: {{zh: {tw['name_zh']}, en: {tw['name_en']}}}",
            f"  code: {_q(code)}",
            f"  county: {{zh: {tw['county_zh']}, en: {tw['county_en']}}}",
            f"  province: {{zh: {tw['prov_zh']}, en: {tw['prov_en']}}}",
            "period:",
            f"  start: {start}",
            f"  end: {end}",
            "contact:",
            f"  name: {person}",
            f"  role: {rnd.choice(ROLES)}",
            f"  phone: \"1{rnd.choice('3578')}{rnd.randint(0, 9)}{rnd.randint(10_000_000, 99_999_999)}\"",
            f"  email: eco{rnd.randint(100, 999)}@{tw['name_en'].split()[0].lower()}.gov.cn",
            f"submitted: {year + 1}-0{rnd.randint(1, 3)}-{rnd.randint(10, 28)}",
            "answers:",
        ]
        heading = None
        for a in answers:
            if a.get("drop"):
                continue
            if a["heading"] != heading and not small:
                heading = a["heading"]
                out.append(f"  # ===== {heading} =====")
            out.append(self.render_answer(a))
        text = "\n".join(out) + "\n"
        if "tab-indent" in mistakes:  # an editor that inserted a tab: a syntax error
            at = -1
            for _ in range(1 + rnd.randrange(60)):
                at = text.index("\n    status: ", at + 1)
            text = text[:at] + "\n\tstatus: " + text[at + len("\n    status: "):]
        return text


# --- mistakes --------------------------------------------------------------------------------------

MISTAKES = [
    "percent-string",      # value: "85%"                      NBS207
    "out-of-range",        # a percentage of 120               NBS209
    "met-below-target",    # met, but the value misses         NBS210
    "missing-evidence",    # a required kind left out          NBS212
    "evidence-typo",       # a file name mistyped              NBS213
    "sha-mismatch",        # the file changed after hashing    NBS215
    "wrong-unit",          # mu instead of ha                  NBS208
    "unknown-clause",      # 5.1.10 for 5.1.1                  NBS201 + NBS203
    "na-not-allowed",      # not_applicable where refused      NBS205
    "na-no-justification",  # not_applicable, no reason        NBS206
    "kind-typo",           # survey_report                     NBS218
    "missing-shall",       # an answer deleted                 NBS203
    "period-reversed",     # end before start                  NBS221
    "bad-province",        # code 99...                        NBS220 (warning)
    "met-no-value",        # met without value                 NBS211
    "bool-as-text",        # value: 是                          NBS207
    "duplicate-key",       # a clause answered twice           NBS005 (file not scored)
    "tab-indent",          # a tab in the indentation          NBS007 (file not scored)
]
# the findings (errors and warnings) each mistake gives, and nothing else: the tests hold files to it
CODES = {
    "percent-string": {"NBS207"}, "out-of-range": {"NBS209"}, "met-below-target": {"NBS210"},
    "missing-evidence": {"NBS212"}, "evidence-typo": {"NBS213"}, "sha-mismatch": {"NBS215"},
    "wrong-unit": {"NBS208"}, "unknown-clause": {"NBS201", "NBS203"}, "na-not-allowed": {"NBS205"},
    "na-no-justification": {"NBS206"}, "kind-typo": {"NBS218"}, "missing-shall": {"NBS203"},
    "period-reversed": {"NBS221"}, "bad-province": {"NBS220"}, "met-no-value": {"NBS211"},
    "bool-as-text": {"NBS207"}, "duplicate-key": {"NBS005"}, "tab-indent": {"NBS007"},
}
FATAL = {"duplicate-key", "tab-indent"}
RENDERED = {"period-reversed", "bad-province", "tab-indent"}  # applied while rendering, always present
WARNING_ONLY = {"bad-province"}


def _pick(answers: list[dict[str, Any]], rnd: random.Random, pred) -> dict[str, Any] | None:
    cands = [a for a in answers if not a.get("drop") and not a.get("mistake") and not a.get("no_status") and pred(a)]
    if not cands:
        return None
    a = rnd.choice(cands)
    a["mistake"] = True
    return a


def apply_mistake(m: str, answers: list[dict[str, Any]], tw: dict[str, str], rnd: random.Random, w: Writer) -> None:
    # a value mistake goes to a clause whose status is not derived from the value (no grading, no
    # baseline), so the finding is the one the manifest promises and not a derived disagreement
    live = lambda a: a["status"] != "not_applicable" and not a["c"]["graded"] and not a["c"]["baseline"]  # noqa: E731
    if m == "percent-string":
        a = _pick(answers, rnd, lambda a: live(a) and a["c"]["type"] == "percentage")
        if a:
            a["value"] = f"{a['value']}%"
    elif m == "out-of-range":
        a = _pick(answers, rnd, lambda a: live(a) and a["c"]["type"] == "percentage")
        if a:
            a["value"] = rnd.choice([120, 105.5, 150, -5])
    elif m == "met-below-target":
        a = _pick(answers, rnd, lambda a: live(a) and a["status"] == "met" and a["c"]["type"] == "percentage"
                  and (a["c"]["at_least"] or 0) >= 30)
        if a:
            a["value"] = round(a["c"]["at_least"] * 0.6, 1)
    elif m == "missing-evidence":
        a = _pick(answers, rnd, lambda a: a["status"] in ("met", "partial") and a["c"]["evidence"])
        if a:
            k = rnd.choice(a["c"]["evidence"])
            a["evidence"] = [e for e in a["evidence"] if e["kind"] != k]
    elif m == "evidence-typo":
        a = _pick(answers, rnd, lambda a: a["evidence"])
        if a:
            e = rnd.choice(a["evidence"])
            e["path"] = e["path"].replace(".", "（定稿）.", 1) if "." in e["path"] else e["path"] + "x"
    elif m == "sha-mismatch":
        a = _pick(answers, rnd, lambda a: a["evidence"])
        if a:
            e = rnd.choice(a["evidence"])
            real = e.get("sha256") or hashlib.sha256(e["path"].encode()).hexdigest()
            e["sha256"] = real[:-1] + ("0" if real[-1] != "0" else "1")
            e.setdefault("description", "扫描件")
    elif m == "wrong-unit":
        a = _pick(answers, rnd, lambda a: live(a) and a["c"]["unit"] == "ha")
        if a:
            a["unit"] = "mu"
    elif m == "unknown-clause":
        a = _pick(answers, rnd, lambda a: a["c"]["level"] == "shall")  # so the missing answer is NBS203
        if a:
            a["key"] = a["c"]["id"] + "0"
    elif m == "na-not-allowed":
        a = _pick(answers, rnd, lambda a: not a["c"]["na"])
        if a:
            a.update(status="not_applicable", justification="本乡镇暂未开展此项工作。", evidence=[])
            a.pop("value", None)
            a.pop("unit", None)
    elif m == "na-no-justification":
        a = _pick(answers, rnd, lambda a: a["c"]["na"])
        if a:
            a.update(status="not_applicable", evidence=[])
            for k in ("value", "unit", "justification"):
                a.pop(k, None)
    elif m == "kind-typo":
        a = _pick(answers, rnd, lambda a: any(e["kind"] == "survey-report" for e in a["evidence"]))
        if a:
            for e in a["evidence"]:
                if e["kind"] == "survey-report":
                    e["kind"] = "survey_report"
                    e.setdefault("description", "调查报告")
    elif m == "missing-shall":
        a = _pick(answers, rnd, lambda a: a["c"]["level"] == "shall")
        if a:
            a["drop"] = True
    elif m == "met-no-value":
        a = _pick(answers, rnd, lambda a: live(a) and a["status"] == "met")
        if a:
            a.pop("value", None)
    elif m == "bool-as-text":
        a = _pick(answers, rnd, lambda a: live(a) and a["c"]["type"] == "boolean")
        if a:
            a["value"] = rnd.choice(["是", "已完成"])
    elif m == "duplicate-key":
        a = _pick(answers, rnd, lambda a: True)
        if a:
            j = answers.index(a)
            twin = dict(a, note=["（重复粘贴）"])
            answers.insert(j + 1, twin)
    # period-reversed, bad-province and tab-indent are applied while rendering


# --- many submissions ------------------------------------------------------------------------------

_W: Writer | None = None


def _worker_init(out: str, seed: int, version: str | None = None) -> None:
    global _W
    _W = Writer(_Clauses(version), evidence_pool(Path(out), seed, write=False))


def _write_batch(args: tuple[str, int, float, int, list[int]]) -> list[tuple[str, list[str], int]]:
    out, seed, share, target, idx = args
    assert _W is not None
    rows = []
    for i in idx:
        text, mistakes = _W.build(i, seed, share, target)
        code = text.split('code: "', 1)[1][:9]
        name = f"{i:05d}-{code}.yaml"
        data = text.encode("utf-8")
        p = Path(out) / name
        if not p.is_file() or p.stat().st_size != len(data) or p.read_bytes() != data:
            p.write_bytes(data)
        rows.append((name, mistakes, len(data)))
    return rows


def generate(out: str | Path, files: int, *, seed: int = 2025, mistakes: float = 0.05,
             target_bytes: int = 40_000, jobs: int = 0, quiet: bool = False,
             version: str | None = None) -> dict[str, Any]:
    """Write ``files`` submissions answering guideline ``version`` (default: the newest release)
    and the shared evidence into ``out``; return the manifest."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    evidence_pool(out, seed, write=True)
    cl = _Clauses(version)
    workers = jobs or os.cpu_count() or 1
    step = 250
    batches = [(str(out), seed, mistakes, target_bytes, list(range(s, min(files, s + step))))
               for s in range(0, files, step)]
    rows: list[tuple[str, list[str], int]] = []
    if workers <= 1 or files <= step:
        _worker_init(str(out), seed, version)
        for b in batches:
            rows += _write_batch(b)
    else:
        with ProcessPoolExecutor(workers, initializer=_worker_init, initargs=(str(out), seed, version)) as pool:
            for r in pool.map(_write_batch, batches):
                rows += r
    keep = {r[0] for r in rows}
    for stale in out.glob("*.yaml"):  # files from a larger earlier run
        if stale.name not in keep:
            stale.unlink()
    manifest = {"format": FORMAT, "seed": seed, "files": files, "mistake_share": mistakes,
                "target_bytes": target_bytes, "guideline": {"id": cl.id, "version": cl.version},
                "bytes": sum(r[2] for r in rows),
                "mistakes": {r[0]: r[1] for r in rows if r[1]}}
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    if not quiet:
        mb = manifest["bytes"] / 1e6
        print(f"generated {files} submissions ({mb:.1f} MB, {mb * 1e3 / max(files, 1):.1f} KB each, "
              f"{len(manifest['mistakes'])} with mistakes) in {out} in {time.perf_counter() - t0:.1f} s",
              file=sys.stderr)
    return manifest


def write_small(path: str | Path, seed: int = 2025, version: str | None = None) -> Path:
    """A small valid submission (every clause, no notes or descriptions: about 12 KB) with its evidence."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    pool = evidence_pool(p.parent, seed, write=True)
    w = Writer(_Clauses(version), pool)
    text, _ = w.build(0, seed, 0.0, None, small=True)
    p.write_text(text, encoding="utf-8")
    return p


def read_manifest(out: str | Path) -> dict[str, Any] | None:
    try:
        return json.loads((Path(out) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", "-n", type=int, default=2000, help="how many submissions (default: 2000)")
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="folder to write into (default: benchmarks/out/submissions)")
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--mistakes", type=float, default=0.05, help="share of files with mistakes (default: 0.05)")
    ap.add_argument("--size", type=int, default=40_000, help="about how many bytes per file (default: 40000)")
    ap.add_argument("--jobs", "-j", type=int, default=0, help="processes (default: every core)")
    ap.add_argument("--small-file", metavar="PATH", help="write one small valid submission to PATH instead")
    ap.add_argument("--guideline-version", metavar="V",
                    help="the guideline version the files answer, e.g. 2.0.0 (default: the newest release)")
    a = ap.parse_args(argv)
    v = a.guideline_version
    if v:
        from nbscheck.model.guideline import versions

        if v not in versions():
            ap.error(f"no guideline version {v} (known: {', '.join(versions())})")
    if a.small_file:
        print(write_small(a.small_file, a.seed, v))
        return 0
    generate(a.out, a.files, seed=a.seed, mistakes=a.mistakes, target_bytes=a.size, jobs=a.jobs, version=v)
    return 0


if __name__ == "__main__":
    sys.exit(main())
