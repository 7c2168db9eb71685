"""Every user-facing string of the UI and the CLI, in Simplified Chinese and English.

Policy text is never translated: only the tool's own words live here.
"""

from __future__ import annotations

from policytui.core.status import PolicyStatus, Validity

LANGS = ("zh", "en")

STRINGS: dict[str, dict[str, str]] = {
    # status
    "status.draft": {"zh": "征求意见稿", "en": "Draft for comments"},
    "status.in-force": {"zh": "有效（至{until}）", "en": "In force (until {until})"},
    "status.in-force.open": {"zh": "有效", "en": "In force"},
    "status.expired": {"zh": "已失效（有效期至{until}）", "en": "Expired (valid until {until})"},
    "status.not-yet-in-force": {"zh": "尚未生效", "en": "Not yet in force"},
    "status.unknown": {"zh": "效力未知", "en": "Validity unknown"},
    "status.as_of": {"zh": "截至 {date}", "en": "as of {date}"},
    "warn.expired": {
        "zh": "截至{as_of}，《{title}》已于{until}失效，金额仅供参考",
        "en": "As of {as_of}, {title} expired on {until}; figures are for reference only",
    },
    "warn.draft": {
        "zh": "《{title}》为征求意见稿，未正式印发，条款与金额可能变化",
        "en": "{title} is a draft for comments, not issued; terms and figures may change",
    },
    "warn.not-yet-in-force": {
        "zh": "截至{as_of}，《{title}》尚未生效",
        "en": "As of {as_of}, {title} is not yet in force",
    },
    # amounts
    "amount.unspecified": {"zh": "金额未明确", "en": "amount not specified"},
    "amount.upper_bound": {"zh": "上限", "en": "upper bound"},
    "period.one-off": {"zh": "一次性", "en": "one-off"},
    "period.per-year": {"zh": "每年", "en": "per year"},
    "period.multi-year": {"zh": "多年", "en": "multi-year"},
    "period.unspecified": {"zh": "", "en": ""},
    "level.national": {"zh": "国家级", "en": "national"},
    "level.provincial": {"zh": "省级", "en": "provincial"},
    "level.municipal": {"zh": "市级", "en": "municipal"},
    "role.award": {"zh": "奖补", "en": "award"},
    "role.rate": {"zh": "比例", "en": "rate"},
    "role.cap": {"zh": "封顶", "en": "cap"},
    "role.threshold": {"zh": "门槛", "en": "threshold"},
    "role.target": {"zh": "目标", "en": "target"},
    "role.fund": {"zh": "资金", "en": "fund"},
    # field names
    "field.policy": {"zh": "政策", "en": "Policy"},
    "field.city": {"zh": "城市", "en": "City"},
    "field.status": {"zh": "状态", "en": "Status"},
    "field.clauses": {"zh": "条款", "en": "Clauses"},
    "field.awards": {"zh": "量化奖补", "en": "Quantified awards"},
    "field.issuer": {"zh": "发文机关", "en": "Issuer"},
    "field.issued": {"zh": "成文日期", "en": "Issued"},
    "field.printed": {"zh": "印发日期", "en": "Printed"},
    "field.valid_until": {"zh": "有效期至", "en": "Valid until"},
    "field.scope": {"zh": "适用范围", "en": "Scope"},
    "field.interpretation": {"zh": "解释", "en": "Interpretation"},
    "field.non_stacking": {"zh": "不重复享受", "en": "Non-stacking"},
    "field.validity": {"zh": "施行与有效期", "en": "Validity"},
    "field.departments": {"zh": "责任部门", "en": "Responsible departments"},
    "field.topics": {"zh": "主题", "en": "Topics"},
    "field.amounts": {"zh": "金额", "en": "Amounts"},
    "field.id": {"zh": "编号", "en": "ID"},
    "field.label": {"zh": "序号", "en": "Label"},
    "field.title": {"zh": "标题", "en": "Title"},
    "field.text": {"zh": "原文", "en": "Text"},
    "field.not_printed": {"zh": "原文未载明", "en": "not printed"},
    # -- browse and app (tui)
    "app.loading": {"zh": "正在加载政策……", "en": "Loading policies…"},
    "app.too_small": {"zh": "窗口太小：请放大到至少 60×16", "en": "Window too small: make it at least 60×16"},
    "app.data_problems": {
        "zh": "{count} 个数据问题，有问题的文件已跳过。第一个：{first}（policytui validate 可列出全部）",
        "en": "{count} data problems; the files concerned were skipped. First: {first} "
              "(policytui validate lists them all)",
    },
    "app.language_help": {"zh": "切换界面语言（政策原文不变）", "en": "Switch the UI language (policy text stays as written)"},
    "app.no_clause": {"zh": "没有条款“{id}”", "en": "No clause '{id}'"},
    "screen.browse": {"zh": "浏览", "en": "Browse"},
    "screen.overview": {"zh": "政策概览", "en": "Policy overview"},
    "screen.targets": {"zh": "发展目标", "en": "Targets"},
    "screen.help": {"zh": "按键", "en": "Keys"},
    "key.mode.browse": {"zh": "浏览", "en": "Browse"},
    "key.mode.overview": {"zh": "概览", "en": "Overview"},
    "key.mode.targets": {"zh": "目标", "en": "Targets"},
    "key.help": {"zh": "帮助", "en": "Help"},
    "key.language": {"zh": "English", "en": "中文"},
    "key.theme": {"zh": "主题", "en": "Theme"},
    "key.related": {"zh": "相关条款", "en": "Related"},
    "key.copy": {"zh": "复制", "en": "Copy"},
    "key.source": {"zh": "原文定位", "en": "Find in source"},
    "key.next_policy": {"zh": "下一份政策", "en": "Next policy"},
    "key.close": {"zh": "关闭", "en": "Close"},
    "key.toggle_chart": {"zh": "表格/图表", "en": "Table/chart"},
    "key.open": {"zh": "打开", "en": "Open"},
    "action.command_palette": {"zh": "命令面板", "en": "Palette"},
    "action.quit": {"zh": "退出", "en": "Quit"},
    "action.cursor_up": {"zh": "上移", "en": "Up"},
    "action.cursor_down": {"zh": "下移", "en": "Down"},
    "action.select_cursor": {"zh": "选中", "en": "Select"},
    "action.toggle_node": {"zh": "展开/折叠", "en": "Expand/collapse"},
    "action.toggle_expand_all": {"zh": "全部展开/折叠", "en": "Expand/collapse all"},
    "action.cursor_parent": {"zh": "到上级", "en": "To parent"},
    "action.cursor_parent_next_sibling": {"zh": "到上级的下一项", "en": "To next ancestor"},
    "action.cursor_previous_sibling": {"zh": "上一同级", "en": "Previous sibling"},
    "action.cursor_next_sibling": {"zh": "下一同级", "en": "Next sibling"},
    "action.page_up": {"zh": "上一页", "en": "Page up"},
    "action.page_down": {"zh": "下一页", "en": "Page down"},
    "action.scroll_home": {"zh": "到开头", "en": "Home"},
    "action.scroll_end": {"zh": "到末尾", "en": "End"},
    "browse.pick": {"zh": "在左侧选择政策或条款", "en": "Pick a policy or a clause on the left"},
    "browse.clauses_in": {"zh": "下设 {count} 项", "en": "{count} items below"},
    "policy.counts": {
        "zh": "条款 {clauses} 条；量化奖补 {awards} 项；金额未明确的奖补 {unspecified} 项",
        "en": "{clauses} clauses; {awards} quantified awards; {unspecified} awards without a figure",
    },
    "policy.effective_from": {"zh": "施行日期", "en": "In force from"},
    "copy.done": {"zh": "已复制：{heading}", "en": "Copied: {heading}"},
    "copy.where": {
        "zh": "已发送到终端剪贴板（OSC 52）{tool}。终端不支持时，内容另存于 {path}",
        "en": "Sent to the terminal clipboard (OSC 52){tool}. If your terminal does not support it, "
              "the text is also in {path}",
    },
    "copy.tool": {"zh": "及系统剪贴板（{tool}）", "en": " and the system clipboard ({tool})"},
    "copy.no_file": {"zh": "（无法写入副本文件）", "en": "(the copy file could not be written)"},
    "copy.nothing": {"zh": "请先选择一个条款", "en": "Select a clause first"},
    "related.title": {"zh": "与“{heading}”主题相同的其他政策条款", "en": "Other policies' clauses on the topics of “{heading}”"},
    "related.none": {"zh": "其他政策中没有主题相同的条款", "en": "No clause of another policy shares these topics"},
    "topic.title": {"zh": "主题“{topic}”的条款", "en": "Clauses on “{topic}”"},
    "topic.none": {"zh": "没有该主题的条款", "en": "No clause on this topic"},
    "copy.source": {"zh": "出处", "en": "Source"},
    "palette.policy": {"zh": "打开政策", "en": "Open policy"},
    "palette.clause": {"zh": "打开条款", "en": "Open clause"},
    "palette.topic": {"zh": "列出该主题的条款（{count} 条）", "en": "List the clauses on this topic ({count})"},
    "overview.source": {"zh": "原文", "en": "Original text"},
    "overview.no_source": {"zh": "没有附带原文", "en": "No source text shipped"},
    "overview.source_at": {"zh": "原文：{heading}", "en": "Original text: {heading}"},
    "overview.not_found": {"zh": "原文中找不到该条款的位置", "en": "This clause could not be located in the source"},
    "targets.none": {"zh": "已加载的政策都没有指标表", "en": "None of the loaded policies has an indicator table"},
    "targets.category": {"zh": "类别", "en": "Category"},
    "targets.indicator": {"zh": "指标", "en": "Indicator"},
    "targets.year": {"zh": "{year}年", "en": "{year}"},
    "targets.growth": {"zh": "增长倍数", "en": "Growth"},
    "targets.chart": {"zh": "增长倍数（{target}÷{baseline}）", "en": "Growth ({target} ÷ {baseline})"},
    "targets.lower_bound": {"zh": "行号同表格；>：目标带“超”，是下限", "en": "Rows numbered as in the table; >: a target printed with 超, a lower bound"},
    "help.title": {"zh": "{screen}：全部按键", "en": "{screen}: all keys"},
    "help.key": {"zh": "按键", "en": "Key"},
    "help.action": {"zh": "功能", "en": "Action"},
    # -- search
    # -- compare
    "compare.no_clause": {"zh": "无对应条款", "en": "No corresponding clause"},
    "compare.no_award": {"zh": "未列明奖补", "en": "No award stated"},
    "compare.largest": {"zh": "最大金额", "en": "Largest figure"},
    "compare.awards": {"zh": "奖补概览", "en": "Awards"},
    "compare.topic": {"zh": "主题", "en": "Topic"},
    "compare.row": {"zh": "对照行", "en": "Row"},
    "compare.shared": {"zh": "共同表述", "en": "Shared wording"},
    "compare.counterparts": {"zh": "最相近的条款", "en": "Closest clauses"},
    "compare.score": {"zh": "相似度", "en": "Similarity"},
    "compare.matrix": {"zh": "主题 × 政策", "en": "Topics × policies"},
    "compare.clause_count": {"zh": "{n}条", "en": "{n} clauses"},
    "compare.unknown_topic": {"zh": "没有主题“{query}”", "en": "no topic '{query}'"},
    "compare.unknown_policy": {"zh": "没有政策“{query}”", "en": "no policy '{query}'"},
    "compare.closest": {"zh": "最接近的：{names}", "en": "closest: {names}"},
    "compare.file_exists": {"zh": "{path} 已存在，未覆盖", "en": "{path} already exists; not overwritten"},
    "compare.written": {"zh": "已写入 {path}", "en": "Wrote {path}"},
    "compare.all_topics": {"zh": "policytui compare --matrix 列出全部主题", "en": "policytui compare --matrix lists every topic"},
    "compare.need_topic": {"zh": "请给出主题（编号或名称），或使用 --matrix", "en": "give a TOPIC (id or name), or --matrix"},
    "compare.format_for_file": {
        "zh": "无法从文件名 {path} 判断格式：请用 --format md、csv 或 json",
        "en": "cannot tell the format from {path}: use --format md, csv or json",
    },
    # -- calculator
    "calc.none": {"zh": "无", "en": "none"},
    "calc.choice.domestic": {"zh": "境内", "en": "domestic"},
    "calc.choice.overseas": {"zh": "境外", "en": "overseas"},
    "calc.choice.firm": {"zh": "企业", "en": "firm"},
    "calc.choice.product": {"zh": "产品", "en": "product"},
    "calc.kind.fixed": {"zh": "固定金额", "en": "fixed amount"},
    "calc.kind.by-level": {"zh": "按级别定额", "en": "amount by level"},
    "calc.kind.rate": {"zh": "按比例（可封顶）", "en": "percentage of a base, capped"},
    "calc.kind.tiered-rate": {"zh": "分档比例（整额适用）", "en": "rate by tier, on the whole base"},
    "calc.kind.unspecified": {"zh": "仅资格（金额未明确）", "en": "eligibility only (no figure)"},
    "calc.type.money": {"zh": "金额", "en": "money"},
    "calc.type.years": {"zh": "年数", "en": "years"},
    "calc.type.choice": {"zh": "选项", "en": "choice"},
    "calc.recipient.firm": {"zh": "企业", "en": "the firm"},
    "calc.recipient.park-operator": {"zh": "园区运营主体", "en": "the park's operator"},
    "calc.recipient.park": {"zh": "园区", "en": "the park"},
    "calc.recipient.platform": {"zh": "平台", "en": "the platform"},
    "calc.recipient.project": {"zh": "项目", "en": "the project"},
    "calc.recipient.talent": {"zh": "人才或团队", "en": "the person or team"},
    "calc.recipient.organiser": {"zh": "活动主办或承办单位", "en": "the event's organiser"},
    "calc.op.>=": {"zh": "≥", "en": "≥"},
    "calc.op.>": {"zh": ">", "en": ">"},
    "calc.op.<=": {"zh": "≤", "en": "≤"},
    "calc.op.<": {"zh": "<", "en": "<"},
    "calc.forms.money": {
        "zh": "可用写法：2亿、2亿元、5000万、5,000万元、1.5亿、¥20,000,000、20000000、两亿、六千万",
        "en": "Accepted forms: 2亿, 2亿元, 5000万, 5,000万元, 1.5亿, ¥20,000,000, 20000000, 两亿, 六千万",
    },
    "calc.forms.years": {"zh": "可用写法：3、2.5、3年", "en": "Accepted forms: 3, 2.5, 3年"},
    "calc.forms.choice": {"zh": "可选：{choices}", "en": "Choices: {choices}"},
    "calc.error.missing": {"zh": "缺少{field}。{forms}", "en": "{field} is missing. {forms}"},
    "calc.error.money": {"zh": "{field}：“{value}”不是金额。{forms}", "en": "{field}: '{value}' is not an amount of money. {forms}"},
    "calc.error.fen": {"zh": "{field}：“{value}”精确到分以下，金额最多保留两位小数", "en": "{field}: '{value}' is finer than a fen; give at most two decimals"},
    "calc.error.years": {"zh": "{field}：“{value}”不是年数。{forms}", "en": "{field}: '{value}' is not a number of years. {forms}"},
    "calc.error.choice": {"zh": "{field}：“{value}”不是可选值。{forms}", "en": "{field}: '{value}' is not one of the choices. {forms}"},
    "calc.error.profile_value": {"zh": "{fact} 需要一个值。{forms}", "en": "{fact} needs a single value. {forms}"},
    "calc.error.unknown_input": {"zh": "规则 {rule} 没有输入项“{name}”。输入项：{inputs}", "en": "rule {rule} has no input '{name}'; its inputs: {inputs}"},
    "calc.step.applies_to": {"zh": "适用对象（原文）：{quote}（输入项以外的条件视为已满足）", "en": "Applies to (as printed): {quote} (conditions other than the inputs are taken as met)"},
    "calc.step.recipient": {"zh": "受益方：{recipient}", "en": "Paid to {recipient}"},
    "calc.step.condition.met": {"zh": "{field} {value} {bound}：满足（原文：{quote}）", "en": "{field} {value} {bound}: met (text: {quote})"},
    "calc.step.condition.failed": {"zh": "{field} {value} 未达到 {bound}：不满足（原文：{quote}）", "en": "{field} {value} is not {bound}: not met (text: {quote})"},
    "calc.step.below_tiers": {"zh": "{field} {value} 不在任何档次内，最低档为 {range}（原文：{quote}）", "en": "{field} {value} is in no tier; the lowest is {range} (text: {quote})"},
    "calc.step.tier": {"zh": "{field} {value} 属于 {range} 档（原文：{quote}），整额适用 {rate}", "en": "{field} {value} is in the tier {range} (text: {quote}); {rate} applies to the whole amount"},
    "calc.step.multiply": {"zh": "{base} × {rate} = {amount}（原文：{quote}）", "en": "{base} × {rate} = {amount} (text: {quote})"},
    "calc.step.level": {"zh": "{field}：{choice} → {figure}（原文：{quote}）", "en": "{field}: {choice} → {figure} (text: {quote})"},
    "calc.step.award": {"zh": "奖补：{figure}（原文：{quote}）", "en": "Award: {figure} (text: {quote})"},
    "calc.step.unspecified": {"zh": "原文未给出金额：金额未明确（原文：{quote}）", "en": "The text gives no figure: amount not specified (text: {quote})"},
    "calc.step.cap.applied": {"zh": "{amount} 超过封顶 {cap}，按封顶计（原文：{quote}）", "en": "{amount} exceeds the cap of {cap}, so the cap applies (text: {quote})"},
    "calc.step.cap.not_reached": {"zh": "未达封顶 {cap}（原文：{quote}）", "en": "Below the cap of {cap} (text: {quote})"},
    "calc.step.rounded.down": {"zh": "{exact} 按分向下取整为 {amount}", "en": "{exact} rounded down to the fen: {amount}"},
    "calc.step.rounded.up": {"zh": "{exact} 按分向上取整为 {amount}", "en": "{exact} rounded up to the fen: {amount}"},
    "calc.step.years": {"zh": "每年 {amount} × 连续 {years} 年 = {total}", "en": "{amount} a year × {years} years = {total}"},
    "calc.step.per_year": {"zh": "按年给予：以上为每年金额", "en": "Paid yearly: this is the amount for one year"},
    "calc.step.upper_bound": {"zh": "原文为“{marks}”：以上为最高可得金额，实际金额不超过此数", "en": "The text says {marks} (at most): this is the most that may be paid"},
    "calc.step.lower_bound": {"zh": "原文为“不低于”：以上为最低金额，不是上限", "en": "The text says 不低于 (at least): this is the least, not a ceiling"},
    "calc.step.result": {"zh": "结果：{amount}", "en": "Result: {amount}"},
    "calc.step.ineligible": {"zh": "结果：不符合条件，0元", "en": "Result: not eligible, 0 yuan"},
    "calc.note.tiered-selection": {"zh": "分档择优：实际金额按档次评定，原文金额为最高档", "en": "Tiered selection: the actual amount is set by grade; the figure is the top grade"},
    "calc.note.may-rise": {"zh": "特别重大的项目可适当上浮：可能高于此上限", "en": "Exceptionally important projects may get more than this ceiling"},
    "calc.note.case-by-case": {"zh": "一事一议：金额逐案商定", "en": "Case by case: the amount is negotiated"},
    "calc.note.shared-funding": {"zh": "市、区分担资金：说明由谁出资，不改变金额", "en": "City and district share the cost: who pays, not how much"},
    "calc.note.annual-quota": {"zh": "名额有限，需参加评选", "en": "Limited places, awarded by selection"},
    "calc.note.encouraged": {"zh": "鼓励性条款：由各市（县）区自行决定是否给予，不保证发放", "en": "Encouraged of districts: each district decides; nothing is promised"},
    "calc.note.once-per-park": {"zh": "同一园区、集聚区只能享受一次", "en": "Once per park or cluster"},
    "calc.note.related-policy": {"zh": "金额依其他政策确定", "en": "The amount follows another policy"},
    "calc.note.quoted": {"zh": "{note}（原文：{quote}）", "en": "{note} (text: {quote})"},
    "calc.note.stacking": {"zh": "就高不重复：属“{group}”，{reason}", "en": "Non-stacking: in “{group}”. {reason}"},
    "calc.headline.upper": {"zh": "最高 {amount}", "en": "at most {amount}"},
    "calc.headline.lower": {"zh": "不低于 {amount}", "en": "at least {amount}"},
    "calc.headline.exact": {"zh": "{amount}", "en": "{amount}"},
    "calc.headline.ineligible": {"zh": "不符合条件（0元）", "en": "not eligible (0 yuan)"},
    "calc.standing.counted": {"zh": "计入", "en": "counted"},
    "calc.standing.set-aside": {"zh": "就高不重复，未计入", "en": "set aside (non-stacking)"},
    "calc.standing.not-counted": {"zh": "未计入（无金额或非承诺）", "en": "not counted (no figure, or no promise)"},
    "calc.estimate.same_group": {
        "zh": "与“{kept}”同属“{group}”，按就高不重复只计金额最高的“{kept}”。{reason}（原文：{quote}）",
        "en": "In “{group}” with “{kept}”, which is higher; only the highest counts. {reason} (text: {quote})",
    },
    "calc.estimate.same_project": {
        "zh": "同一项目“{project}”只按一项政策支持，只计金额最高的“{kept}”",
        "en": "One project, “{project}”, is funded once: only the highest, “{kept}”, counts",
    },
    "calc.estimate.tier": {"zh": "{range} 档（{rate}）", "en": "the tier {range} ({rate})"},
    "calc.estimate.near_miss": {
        "zh": "{rule}：{field}再增加 {gap} 即达到 {target}，可得 {amount}（现为 {current}）",
        "en": "{rule}: another {gap} of {field} reaches {target}: {amount} (now {current})",
    },
    "calc.estimate.not_eligible": {"zh": "不符合条件", "en": "not eligible"},
    "calc.estimate.per_year": {"zh": "按年给予的奖励在合计中按一年计", "en": "Yearly awards count for one year in the totals"},
    "calc.estimate.unspecified": {"zh": "{n} 项符合条件但原文未给出金额，未计入合计", "en": "{n} items qualify but the text gives no figure; they are not in the totals"},
    "calc.estimate.encouraged": {"zh": "鼓励性条款不保证发放，未计入合计：{names}", "en": "Encouraged clauses promise nothing and are not in the totals: {names}"},
    "calc.estimate.upper_bound": {"zh": "合计为各项上限之和，实际金额不超过此数", "en": "The totals add up ceilings; the actual amounts are no higher"},
    "calc.sweep.cap": {"zh": "达到封顶 {cap}", "en": "reaches the cap of {cap}"},
    "calc.label.as_of": {"zh": "截至 {date}", "en": "as of {date}"},
    "calc.label.result": {"zh": "结果", "en": "Result"},
    "calc.label.inputs": {"zh": "输入", "en": "Inputs"},
    "calc.label.steps": {"zh": "计算过程", "en": "Steps"},
    "calc.label.citation": {"zh": "依据", "en": "Citation"},
    "calc.label.notes": {"zh": "说明", "en": "Notes"},
    "calc.label.warnings": {"zh": "提醒", "en": "Warnings"},
    "calc.label.estimate": {"zh": "{name}：补贴估算", "en": "{name}: subsidy estimate"},
    "calc.label.rule": {"zh": "规则", "en": "Rule"},
    "calc.label.clause": {"zh": "条款", "en": "Clause"},
    "calc.label.counted": {"zh": "合计", "en": "In totals"},
    "calc.label.total": {"zh": "简单合计", "en": "Plain sum"},
    "calc.label.total_non_stacking": {"zh": "就高不重复合计", "en": "Non-stacking total"},
    "calc.label.set_aside_items": {"zh": "未计入的重复项", "en": "Set aside"},
    "calc.label.near_misses": {"zh": "差一点达到", "en": "Near misses"},
    "calc.label.not_met": {"zh": "不符合条件", "en": "Not met"},
    "calc.label.incomplete": {"zh": "缺少情况", "en": "Facts missing"},
}


def t(key: str, lang: str = "zh", **values: object) -> str:
    """The string `key` in `lang`, formatted with `values`."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry["zh"]
    return text.format(**values) if values else text


def status_labels(status: PolicyStatus, lang: str = "zh") -> list[str]:
    """Badges for a policy's status: the draft mark first, then its validity."""
    labels = [t("status.draft", lang)] if status.draft else []
    until = status.valid_until_printed
    if status.validity is Validity.IN_FORCE and not until:
        labels.append(t("status.in-force.open", lang))
    else:
        labels.append(t(f"status.{status.validity.value}", lang, until=until))
    return labels


def status_warnings(status: PolicyStatus, title: str, lang: str = "zh") -> list[str]:
    """Warnings to attach to anything quoted from, or computed on, the policy."""
    warnings = []
    values = {"as_of": status.as_of.isoformat(), "title": title, "until": status.valid_until_printed}
    if status.validity is Validity.EXPIRED:
        warnings.append(t("warn.expired", lang, **values))
    elif status.validity is Validity.NOT_YET and not status.draft:
        warnings.append(t("warn.not-yet-in-force", lang, **values))
    if status.draft:
        warnings.append(t("warn.draft", lang, **values))
    return warnings
