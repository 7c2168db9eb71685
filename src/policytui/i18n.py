"""Every user-facing string of the UI and the CLI, in Simplified Chinese and English.

Policy text is never translated: only the tool's own words live here.
"""

from __future__ import annotations

import errno

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
    "app.crashed": {
        "zh": "policytui 因内部错误退出：{error}。完整报告：{report}",
        "en": "policytui stopped on an internal error: {error}. Full report: {report}",
    },
    "app.crash_not_saved": {"zh": "（无法写入报告文件）", "en": "(the report could not be written)"},
    "app.loading": {"zh": "正在加载政策……", "en": "Loading policies…"},
    "app.too_small": {"zh": "窗口太小：请放大到至少 60×16", "en": "Window too small: make it at least 60×16"},
    "app.data_problems": {
        "zh": "{count} 个数据问题，有问题的文件已跳过。第一个：{first}（policytui validate 可列出全部）",
        "en": "{count} data {count:problem|problems}; the files concerned were skipped. First: {first} "
        "(policytui validate lists them all)",
    },
    "app.language_help": {
        "zh": "切换界面语言（政策原文不变）",
        "en": "Switch the UI language (policy text stays as written)",
    },
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
    "action.scroll_left": {"zh": "左移", "en": "Scroll left"},
    "action.scroll_right": {"zh": "右移", "en": "Scroll right"},
    "action.page_left": {"zh": "向左翻页", "en": "Page left"},
    "action.page_right": {"zh": "向右翻页", "en": "Page right"},
    "action.app.focus_next": {"zh": "下一区域", "en": "Next area"},
    "action.app.focus_previous": {"zh": "上一区域", "en": "Previous area"},
    "action.screen.copy_text": {"zh": "复制选中文字", "en": "Copy selected text"},
    "browse.pick": {"zh": "在左侧选择政策或条款", "en": "Pick a policy or a clause on the left"},
    "status.short.in-force": {"zh": "有效", "en": "in force"},
    "status.short.expired": {"zh": "已失效", "en": "expired"},
    "status.short.not-yet-in-force": {"zh": "尚未生效", "en": "not yet in force"},
    "status.short.unknown": {"zh": "效力未知", "en": "validity unknown"},
    "status.short.draft": {"zh": "征求意见稿", "en": "draft"},
    "status.short.sep": {"zh": " ", "en": ", "},
    "browse.clauses_in": {"zh": "下设 {count} 项", "en": "{count} {count:item|items} below"},
    "policy.counts": {
        "zh": "条款 {clauses} 条；量化奖补 {awards} 项；金额未明确的奖补 {unspecified} 项",
        "en": "{clauses} {clauses:clause|clauses}; {awards} quantified {awards:award|awards}; "
        "{unspecified} {unspecified:award|awards} without a figure",
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
    "related.title": {
        "zh": "与“{heading}”主题相同的其他政策条款",
        "en": "Other policies' clauses on the topics of “{heading}”",
    },
    "related.none": {
        "zh": "其他政策中没有主题相同的条款",
        "en": "No clause of another policy shares these topics",
    },
    "topic.title": {"zh": "主题“{topic}”的条款", "en": "Clauses on “{topic}”"},
    "topic.none": {"zh": "没有该主题的条款", "en": "No clause on this topic"},
    "copy.source": {"zh": "出处", "en": "Source"},
    "palette.policy": {"zh": "打开政策", "en": "Open policy"},
    "palette.clause": {"zh": "打开条款", "en": "Open clause"},
    "palette.topic": {
        "zh": "列出该主题的条款（{count} 条）",
        "en": "List the clauses on this topic ({count})",
    },
    "overview.source": {"zh": "原文", "en": "Original text"},
    "overview.no_source": {"zh": "没有附带原文", "en": "No source text shipped"},
    "overview.source_at": {"zh": "原文：{heading}", "en": "Original text: {heading}"},
    "overview.not_found": {
        "zh": "原文中找不到该条款的位置",
        "en": "This clause could not be located in the source",
    },
    "targets.none": {
        "zh": "已加载的政策都没有指标表",
        "en": "None of the loaded policies has an indicator table",
    },
    "targets.category": {"zh": "类别", "en": "Category"},
    "targets.indicator": {"zh": "指标", "en": "Indicator"},
    "targets.year": {"zh": "{year}年", "en": "{year}"},
    "targets.growth": {"zh": "增长倍数", "en": "Growth"},
    "targets.chart": {"zh": "增长倍数（{target}÷{baseline}）", "en": "Growth ({target} ÷ {baseline})"},
    "targets.lower_bound": {
        "zh": "行号同表格；>：目标带“超”，是下限",
        "en": "Rows numbered as in the table; >: a target printed with 超, a lower bound",
    },
    "help.title": {"zh": "{screen}：全部按键", "en": "{screen}: all keys"},
    "help.key": {"zh": "按键", "en": "Key"},
    "help.action": {"zh": "功能", "en": "Action"},
    # -- search
    "search.results": {"zh": "“{query}”：{count} 条结果", "en": "“{query}”: {count} {count:result|results}"},
    "search.none": {"zh": "没有与“{query}”相符的条款", "en": "No clause matches “{query}”"},
    "search.score": {"zh": "匹配度", "en": "Score"},
    "screen.search": {"zh": "搜索", "en": "Search"},
    "key.mode.search": {"zh": "搜索", "en": "Search"},
    "search.placeholder": {
        "zh": "词语、拼音（kaiyuan、zjtx）、英文、金额（500万），或 policy:无锡 topic:开源 has:amount amount>=100万",
        "en": "Words, pinyin (kaiyuan, zjtx), English, amounts (500万), or policy:无锡 topic:开源 has:amount amount>=100万",
    },
    "search.indexing": {"zh": "正在建立搜索索引……", "en": "Building the search index…"},
    "search.hint": {
        "zh": "输入即搜索；↑↓ 选择，Enter 在浏览中打开",
        "en": "Results as you type; ↑↓ to choose, Enter opens it in Browse",
    },
    # -- compare
    "compare.no_clause": {"zh": "无对应条款", "en": "No corresponding clause"},
    "compare.no_award": {"zh": "未列明奖补", "en": "No award stated"},
    "compare.largest": {"zh": "最大金额", "en": "Largest figure"},
    "compare.awards": {"zh": "奖补概览", "en": "Awards"},
    "compare.topic": {"zh": "主题", "en": "Topic"},
    "compare.row": {"zh": "对照行", "en": "Row"},
    "compare.shared": {"zh": "共同表述", "en": "Shared wording"},
    "compare.matrix": {"zh": "主题 × 政策", "en": "Topics × policies"},
    "compare.clause_count": {"zh": "{n}条", "en": "{n} {n:clause|clauses}"},
    "compare.unknown_topic": {"zh": "没有主题“{query}”", "en": "no topic '{query}'"},
    "compare.unknown_policy": {"zh": "没有政策“{query}”", "en": "no policy '{query}'"},
    "compare.closest": {"zh": "最接近的：{names}", "en": "closest: {names}"},
    "compare.file_exists": {"zh": "{path} 已存在，未覆盖", "en": "{path} already exists; not overwritten"},
    "compare.written": {"zh": "已写入 {path}", "en": "Wrote {path}"},
    "compare.all_topics": {
        "zh": "policytui compare --matrix 列出全部主题",
        "en": "policytui compare --matrix lists every topic",
    },
    "compare.need_topic": {
        "zh": "请给出主题（编号或名称），或使用 --matrix",
        "en": "give a TOPIC (id or name), or --matrix",
    },
    "screen.compare": {"zh": "对比", "en": "Compare"},
    "screen.matrix": {"zh": "主题矩阵", "en": "Topic matrix"},
    "screen.counterparts": {"zh": "最相近条款", "en": "Closest clauses"},
    "key.mode.compare": {"zh": "对比", "en": "Compare"},
    "key.mode.matrix": {"zh": "矩阵", "en": "Matrix"},
    "key.mode.counterparts": {"zh": "相近条款", "en": "Closest"},
    "key.compare.topic": {"zh": "选主题", "en": "Topic"},
    "key.compare.export": {"zh": "导出", "en": "Export"},
    "key.compare.copy": {"zh": "复制对比", "en": "Copy"},
    "key.compare.counterparts": {"zh": "相近条款", "en": "Closest"},
    "key.compare.open": {"zh": "在浏览中打开", "en": "Open in browse"},
    "key.grid.up": {"zh": "上一条", "en": "Previous clause"},
    "key.grid.down": {"zh": "下一条", "en": "Next clause"},
    "key.grid.left": {"zh": "左栏", "en": "Left column"},
    "key.grid.right": {"zh": "右栏", "en": "Right column"},
    "key.compare.yes": {"zh": "覆盖", "en": "Overwrite"},
    "key.compare.no": {"zh": "不覆盖", "en": "Keep it"},
    "compare.pick_topic": {"zh": "选择主题", "en": "Pick a topic"},
    "compare.pick_policy": {"zh": "请至少选择一份政策", "en": "Pick at least one policy"},
    "compare.export.title": {"zh": "导出", "en": "Export"},
    "compare.export.path": {"zh": "文件名", "en": "File name"},
    "compare.export.save": {"zh": "保存", "en": "Save"},
    "compare.export.clipboard": {"zh": "复制到剪贴板", "en": "Copy to clipboard"},
    "compare.export.cancel": {"zh": "取消", "en": "Cancel"},
    "compare.export.failed": {"zh": "无法写入 {path}：{error}", "en": "Could not write {path}: {error}"},
    "compare.overwrite": {"zh": "{path} 已存在。覆盖吗？", "en": "{path} exists. Overwrite it?"},
    "compare.overwrite.yes": {"zh": "覆盖 (y)", "en": "Overwrite (y)"},
    "compare.overwrite.no": {"zh": "不覆盖 (n)", "en": "Keep it (n)"},
    "compare.counterparts.of": {
        "zh": "与此条最相近的其他政策条款",
        "en": "The closest clauses of other policies",
    },
    "compare.counterparts.pick": {
        "zh": "先在浏览或对比中选中一个条款，再按 n",
        "en": "Select a clause in browse or compare first, then press n",
    },
    "compare.counterparts.none": {"zh": "没有其他政策可比", "en": "No other policy to compare with"},
    "compare.matrix.hint": {
        "zh": "Enter 打开该主题的对比 · 颜色按最大金额：",
        "en": "Enter opens that topic's comparison · colour by the largest figure:",
    },
    "compare.tier.0": {"zh": "无条款", "en": "no clause"},
    "compare.tier.1": {"zh": "无金额", "en": "no figure"},
    "compare.tier.2": {"zh": "<100万元", "en": "<100万元"},
    "compare.tier.3": {"zh": "100万–1000万元", "en": "100万–1000万元"},
    "compare.tier.4": {"zh": "≥1000万元", "en": "≥1000万元"},
    "compare.format_for_file": {
        "zh": "无法从文件名 {path} 判断格式：请用 --format md、csv 或 json",
        "en": "cannot tell the format from {path}: use --format md, csv or json",
    },
    # -- calculator
    "calc.none": {"zh": "无", "en": "none"},
    "calc.choice.domestic": {"zh": "境内", "en": "domestic"},
    "calc.choice.first-year": {"zh": "第一年", "en": "first year"},
    "calc.choice.second-year": {"zh": "第二年", "en": "second year"},
    "calc.choice.third-year": {"zh": "第三年", "en": "third year"},
    "calc.choice.fourth-year": {"zh": "第四年", "en": "fourth year"},
    "calc.choice.fifth-year": {"zh": "第五年", "en": "fifth year"},
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
    "calc.error.money": {
        "zh": "{field}：“{value}”不是金额。{forms}",
        "en": "{field}: '{value}' is not an amount of money. {forms}",
    },
    "calc.error.fen": {
        "zh": "{field}：“{value}”精确到分以下，金额最多保留两位小数",
        "en": "{field}: '{value}' is finer than a fen; give at most two decimals",
    },
    "calc.error.years": {
        "zh": "{field}：“{value}”不是年数。{forms}",
        "en": "{field}: '{value}' is not a number of years. {forms}",
    },
    "calc.error.choice": {
        "zh": "{field}：“{value}”不是可选值。{forms}",
        "en": "{field}: '{value}' is not one of the choices. {forms}",
    },
    "calc.error.profile_value": {
        "zh": "{fact} 需要一个值。{forms}",
        "en": "{fact} needs a single value. {forms}",
    },
    "calc.error.unknown_input": {
        "zh": "规则 {rule} 没有输入项“{name}”。输入项：{inputs}",
        "en": "rule {rule} has no input '{name}'; its inputs: {inputs}",
    },
    "calc.step.applies_to": {
        "zh": "适用对象（原文）：{quote}（输入项以外的条件视为已满足）",
        "en": "Applies to (as printed): {quote} (conditions other than the inputs are taken as met)",
    },
    "calc.step.recipient": {"zh": "受益方：{recipient}", "en": "Paid to {recipient}"},
    "calc.step.condition.met": {
        "zh": "{field} {value} {bound}：满足（原文：{quote}）",
        "en": "{field} {value} {bound}: met (text: {quote})",
    },
    "calc.step.condition.failed": {
        "zh": "{field} {value} 未达到 {bound}：不满足（原文：{quote}）",
        "en": "{field} {value} is not {bound}: not met (text: {quote})",
    },
    "calc.step.below_tiers": {
        "zh": "{field} {value} 不在任何档次内，最低档为 {range}（原文：{quote}）",
        "en": "{field} {value} is in no tier; the lowest is {range} (text: {quote})",
    },
    "calc.step.tier": {
        "zh": "{field} {value} 属于 {range} 档（原文：{quote}），整额适用 {rate}",
        "en": "{field} {value} is in the tier {range} (text: {quote}); {rate} applies to the whole amount",
    },
    "calc.step.multiply": {
        "zh": "{base} × {rate} = {amount}（原文：{quote}）",
        "en": "{base} × {rate} = {amount} (text: {quote})",
    },
    "calc.step.level": {
        "zh": "{field}：{choice} → {figure}（原文：{quote}）",
        "en": "{field}: {choice} → {figure} (text: {quote})",
    },
    "calc.step.award": {"zh": "奖补：{figure}（原文：{quote}）", "en": "Award: {figure} (text: {quote})"},
    "calc.step.unspecified": {
        "zh": "原文未给出金额：金额未明确（原文：{quote}）",
        "en": "The text gives no figure: amount not specified (text: {quote})",
    },
    "calc.step.cap.applied": {
        "zh": "{amount} 超过封顶 {cap}，按封顶计（原文：{quote}）",
        "en": "{amount} exceeds the cap of {cap}, so the cap applies (text: {quote})",
    },
    "calc.step.cap.not_reached": {
        "zh": "未达封顶 {cap}（原文：{quote}）",
        "en": "Below the cap of {cap} (text: {quote})",
    },
    "calc.step.rounded.down": {
        "zh": "{exact} 按分向下取整为 {amount}",
        "en": "{exact} rounded down to the fen: {amount}",
    },
    "calc.step.rounded.up": {
        "zh": "{exact} 按分向上取整为 {amount}",
        "en": "{exact} rounded up to the fen: {amount}",
    },
    "calc.step.years": {
        "zh": "每年 {amount} × 连续 {years} 年 = {total}",
        "en": "{amount} a year × {years} years = {total}",
    },
    "calc.step.per_year": {
        "zh": "按年给予：以上为每年金额",
        "en": "Paid yearly: this is the amount for one year",
    },
    "calc.step.upper_bound": {
        "zh": "原文为“{marks}”：以上为最高可得金额，实际金额不超过此数",
        "en": "The text says {marks} (at most): this is the most that may be paid",
    },
    "calc.step.lower_bound": {
        "zh": "原文为“不低于”：以上为最低金额，不是上限",
        "en": "The text says 不低于 (at least): this is the least, not a ceiling",
    },
    "calc.step.result": {"zh": "结果：{amount}", "en": "Result: {amount}"},
    "calc.step.ineligible": {"zh": "结果：不符合条件，0元", "en": "Result: not eligible, 0 yuan"},
    "calc.note.tiered-selection": {
        "zh": "分档择优：实际金额按档次评定，原文金额为最高档",
        "en": "Tiered selection: the actual amount is set by grade; the figure is the top grade",
    },
    "calc.note.may-rise": {
        "zh": "特别重大的项目可适当上浮：可能高于此上限",
        "en": "Exceptionally important projects may get more than this ceiling",
    },
    "calc.note.case-by-case": {
        "zh": "一事一议：金额逐案商定",
        "en": "Case by case: the amount is negotiated",
    },
    "calc.note.shared-funding": {
        "zh": "市、区分担资金：说明由谁出资，不改变金额",
        "en": "City and district share the cost: who pays, not how much",
    },
    "calc.note.annual-quota": {"zh": "名额有限，需参加评选", "en": "Limited places, awarded by selection"},
    "calc.note.encouraged": {
        "zh": "鼓励性条款：由各市（县）区自行决定是否给予，不保证发放",
        "en": "An encouraging clause: each district decides whether to pay; nothing is promised",
    },
    "calc.note.once-per-park": {"zh": "同一园区、集聚区只能享受一次", "en": "Once per park or cluster"},
    "calc.note.related-policy": {"zh": "金额依其他政策确定", "en": "The amount follows another policy"},
    "calc.note.quoted": {"zh": "{note}（原文：{quote}）", "en": "{note} (text: {quote})"},
    "calc.note.stacking": {
        "zh": "就高不重复：属“{group}”，{reason}",
        "en": "Non-stacking: in “{group}”. {reason}",
    },
    "calc.headline.upper": {"zh": "最高 {amount}", "en": "at most {amount}"},
    "calc.headline.lower": {"zh": "不低于 {amount}", "en": "at least {amount}"},
    "calc.headline.exact": {"zh": "{amount}", "en": "{amount}"},
    "calc.headline.ineligible": {"zh": "不符合条件（0元）", "en": "not eligible (0 yuan)"},
    "calc.standing.counted": {"zh": "计入", "en": "counted"},
    "calc.standing.set-aside": {"zh": "原文明确不重复", "en": "set aside by the text"},
    "calc.standing.not-counted": {"zh": "不计入", "en": "not counted"},
    "calc.estimate.same_group": {
        "zh": "与“{kept}”同属“{group}”，原文明确不重复，只计金额最高的“{kept}”",
        "en": "In “{group}” with “{kept}”, which is higher; the text rules out both, so only the highest counts",
    },
    "calc.estimate.tier": {"zh": "{range} 档（{rate}）", "en": "the tier {range} ({rate})"},
    "calc.estimate.near_miss": {
        "zh": "{rule}：{field}再增加 {gap} 即达到 {target}，则为 {amount}（现为 {current}）",
        "en": "{rule}: another {gap} of {field} reaches {target}: {amount} (now {current})",
    },
    "calc.estimate.not_eligible": {"zh": "不符合条件", "en": "not eligible"},
    "calc.estimate.per_year": {
        "zh": "按年给予的奖励在合计中按一年计",
        "en": "Yearly awards count for one year in the totals",
    },
    "calc.estimate.unspecified": {
        "zh": "{n} 项符合条件但原文未给出金额，未计入合计",
        "en": "{n} {n:item qualifies|items qualify} but the text gives no figure; {n:it is|they are} not in the totals",
    },
    "calc.estimate.unlinked": {
        "zh": "{policy}有 {n} 条规则未写明企业情况如何满足（规则的 profile），未参与测算",
        "en": "{n} {n:rule|rules} of {policy} {n:says|say} nothing of how a firm's facts meet {n:it|them} (the rule's profile): not estimated",
    },
    "calc.estimate.encouraged": {
        "zh": "鼓励性条款不保证发放，未计入合计：{names}",
        "en": "Encouraged clauses promise nothing and are not in the totals: {names}",
    },
    "calc.estimate.upper_bound": {
        "zh": "合计为各项上限之和，实际金额不超过此数",
        "en": "The totals add up ceilings; the actual amounts are no higher",
    },
    "calc.sweep.cap": {"zh": "达到封顶 {cap}", "en": "reaches the cap of {cap}"},
    "calc.label.as_of": {"zh": "截至 {date}", "en": "as of {date}"},
    "calc.label.result": {"zh": "结果", "en": "Result"},
    "calc.label.pair": {"zh": "{name}：{value}", "en": "{name}: {value}"},
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
    "calc.label.set_aside_items": {"zh": "未计入的重复项", "en": "Set aside"},
    "calc.label.near_misses": {"zh": "差一点达到", "en": "Near misses"},
    "calc.label.not_met": {"zh": "不符合条件", "en": "Not met"},
    "calc.label.incomplete": {"zh": "缺少情况", "en": "Facts missing"},
    "calc.chart.award": {"zh": "奖补（{unit}）", "en": "Award ({unit})"},
    "calc.cli.need_rule": {
        "zh": "请给出规则编号（RULE_ID），或用 --list 列出全部规则",
        "en": "give a RULE_ID, or --list to see every rule",
    },
    "calc.cli.unknown_rule": {"zh": "没有规则“{query}”", "en": "no rule '{query}'"},
    "calc.cli.closest": {"zh": "最接近的：{ids}", "en": "closest: {ids}"},
    "calc.cli.see_list": {
        "zh": "policytui calc --list 列出全部规则",
        "en": "policytui calc --list shows every rule",
    },
    "calc.cli.not_assignment": {
        "zh": "“{item}”不是 NAME=VALUE 形式；{rule} 的输入：{inputs}",
        "en": "'{item}' is not NAME=VALUE; the inputs of {rule}: {inputs}",
    },
    "calc.cli.not_sweepable": {
        "zh": "{rule} 没有可扫描的金额或年数输入“{name}”；可扫描：{inputs}",
        "en": "{rule} has no money or years input '{name}' to sweep; these can be swept: {inputs}",
    },
    "calc.cli.sweep_form": {
        "zh": "--sweep “{value}”应写作 NAME=FROM..TO，例如 paid_in_capital=0..30亿",
        "en": "--sweep '{value}' should be NAME=FROM..TO, such as paid_in_capital=0..30亿",
    },
    "calc.cli.sweep_bound": {"zh": "图中金额均为上限", "en": "Every amount in the chart is a ceiling"},
    "calc.cli.need_profile": {
        "zh": "请给出企业情况文件 PROFILE.toml（policytui estimate --example 打印示例）",
        "en": "give a PROFILE.toml (policytui estimate --example prints one)",
    },
    "screen.calc": {"zh": "补贴计算", "en": "Subsidy calculator"},
    "key.mode.calc": {"zh": "计算", "en": "Calculate"},
    "key.calc.copy": {"zh": "复制 Markdown", "en": "Copy Markdown"},
    "key.calc.export": {"zh": "导出 Markdown", "en": "Export Markdown"},
    "key.calc.switch": {"zh": "单项/企业估算", "en": "Rule/estimate"},
    "key.calc.pick": {"zh": "选规则", "en": "Pick rule"},
    "calc.tui.tab.rule": {"zh": "单项计算", "en": "One rule"},
    "calc.tui.tab.profile": {"zh": "企业估算", "en": "Firm estimate"},
    "calc.tui.filter": {"zh": "搜索规则：名称或编号", "en": "Find a rule: name or id"},
    "calc.tui.no_rules": {"zh": "没有匹配的规则", "en": "No rule matches"},
    "calc.tui.fill": {"zh": "填写输入项后显示结果", "en": "Fill in the inputs to see the result"},
    "calc.tui.no_inputs": {"zh": "此规则无需输入", "en": "This rule needs no input"},
    "calc.tui.whatif": {"zh": "如果……会怎样", "en": "What if"},
    "calc.tui.from": {"zh": "从", "en": "from"},
    "calc.tui.to": {"zh": "到", "en": "to"},
    "calc.tui.no_sweep": {
        "zh": "此规则没有金额或年数输入，无图可画",
        "en": "This rule has no money or years input to sweep",
    },
    "calc.tui.exported": {"zh": "已写入 {path}", "en": "Wrote {path}"},
    "calc.tui.export_failed": {"zh": "无法写入 {path}：{error}", "en": "Cannot write {path}: {error}"},
    "calc.tui.profile_name": {"zh": "企业名称", "en": "Firm"},
    "calc.tui.cities": {"zh": "考虑的城市", "en": "Cities considered"},
    "calc.tui.projects": {"zh": "项目", "en": "Projects"},
    "calc.tui.project": {"zh": "项目 {n}", "en": "Project {n}"},
    "calc.tui.project_name": {"zh": "项目名称", "en": "Project name"},
    "calc.tui.project_kinds": {"zh": "项目类别", "en": "Project kinds"},
    "calc.tui.profile_hint": {
        "zh": "已按示例企业预填，可逐项修改；也可用 policytui estimate 读取完整的企业情况文件",
        "en": "Filled in from the example firm; edit any fact. policytui estimate reads a full profile file",
    },
    "calc.project.core-tech": {"zh": "核心技术攻关", "en": "core technology"},
    "calc.project.open-source": {"zh": "开源项目", "en": "open source"},
    "calc.project.emerging-tech": {"zh": "新兴技术", "en": "emerging technology"},
    "calc.project.industrial-software": {"zh": "工业软件应用", "en": "industrial software"},
    "calc.project.xinchuang-demo": {"zh": "信创应用示范", "en": "xinchuang demonstration"},
    # rules (issue 11)
    "calc.kind.stepped": {"zh": "按达到的档次定额", "en": "fixed award by the step reached"},
    "calc.recipient.government": {"zh": "属地区、县（市）政府", "en": "the district or county government"},
    "calc.step.government": {
        "zh": "此项奖励付给政府，不是企业：不计入企业的合计",
        "en": "Paid to a government, not to the firm: never in the firm's totals",
    },
    "calc.step.above": {
        "zh": "{base} − {threshold} = {part}（超过部分）",
        "en": "{base} − {threshold} = {part} (the part above)",
    },
    "calc.step.not_above": {
        "zh": "{field} {value} 未超过 {threshold}：没有超过部分（原文：{quote}）",
        "en": "{field} {value} is not above {threshold}: there is no part above it (text: {quote})",
    },
    "calc.step.rate_by_choice": {
        "zh": "{field}：{choice} → {rate}（原文：{quote}）",
        "en": "{field}: {choice} → {rate} (text: {quote})",
    },
    "calc.step.step": {
        "zh": "{field} {value} 达到 {range} 档：{figure}（原文：{quote}）",
        "en": "{field} {value} reaches the step {range}: {figure} (text: {quote})",
    },
    "calc.step.difference": {
        "zh": "奖励差额：{field} {value} 已达档次 {range}（{reached}），{award} − {reached} = {amount}",
        "en": "Difference: {field} {value} had reached {range} ({reached}); {award} − {reached} = {amount}",
    },
    "calc.step.no_new_step": {
        "zh": "{field} {value} 已达同档或更高档 {range}：未进档，无差额可奖",
        "en": "{field} {value} had already reached {range} or higher: no new step, no difference to pay",
    },
    "calc.step.cap_bound": {
        "zh": "按封顶计：以上为最高可得金额",
        "en": "The cap applies: this is the most that may be paid",
    },
    "calc.sweep.above": {"zh": "超过 {threshold} 的部分起算", "en": "the part above {threshold} starts"},
    "calc.sweep.condition": {"zh": "{bound}", "en": "{bound}"},
    "lookup.ambiguous": {
        "zh": "“{query}”对应多个编号，请写完整编号：{ids}",
        "en": "'{query}' matches several ids; give the full id: {ids}",
    },
    "show.cli.unknown_clause": {"zh": "没有条款“{query}”", "en": "no clause '{query}'"},
    "show.cli.see_list": {"zh": "`policytui list` 列出全部政策", "en": "`policytui list` shows the policies"},
    "calc.label.status": {"zh": "状态", "en": "status"},
    # import (issue 12)
    "import.error.empty": {
        "zh": "文件是空的（应为政策原文）",
        "en": "the file is empty (expected the text of a policy)",
    },
    "import.error.utf16": {
        "zh": "文件为 UTF-16 编码；请另存为 {accepted}",
        "en": "the file is UTF-16 text; save it as {accepted}",
    },
    "import.error.binary": {
        "zh": "这是二进制文件而不是文本（应为 {accepted} 编码的政策原文；PDF、Word 请先提取文字）",
        "en": "the file is binary, not text (expected the policy text in {accepted}; "
        "extract the text of a PDF or Word file first)",
    },
    "import.accepted": {
        "zh": "UTF-8（可带 BOM）或 GB18030/GBK",
        "en": "UTF-8 (with or without BOM) or GB18030/GBK",
    },
    "import.error.encoding": {
        "zh": "无法识别文件编码（应为 {accepted}）",
        "en": "the file's encoding is not recognised (expected {accepted})",
    },
    "import.error.structure": {
        "zh": "找不到可识别的结构：没有编号的部分或条款（一、 （一） 1． 第一条 …）",
        "en": "no recognisable structure: no numbered part or item, "
        "the way a Chinese policy document labels them, was found",
    },
    "import.error.no_title": {
        "zh": "找不到标题：第一行应为政策的标题",
        "en": "no title found: the first line should be the policy's title",
    },
    "import.error.no_city": {
        "zh": "标题中没有城市名（…市）：请用 --city 指定，并用 --id 指定编号",
        "en": "the title names no city: give it with --city, and an id with --id",
    },
    "import.error.bad_id": {
        "zh": "“{id}”不能用作编号（应为 a-z、0-9 和 -，如 wuxi-draft）：请用 --id 指定",
        "en": "'{id}' is not a usable id (expected a-z, 0-9 and -, such as wuxi-draft): give one with --id",
    },
    "import.error.unreadable": {"zh": "无法读取 {path}：{error}", "en": "cannot read {path}: {error}"},
    "import.error.not_toml": {
        "zh": "{path} 不是 .toml 文件名（policytui 只读取 .toml 文件）",
        "en": "{path} is not a .toml file name (policytui reads only .toml files)",
    },
    "import.error.unwritable": {"zh": "无法写入 {path}：{error}", "en": "cannot write {path}: {error}"},
    "import.error.exists": {
        "zh": "{path} 已存在（加 --force 覆盖）",
        "en": "{path} exists (use --force to replace it)",
    },
    "import.error.id_taken": {
        "zh": "编号“{id}”已被 {file} 使用：请用 --id 另取一个",
        "en": "the id '{id}' is already used by {file}: give another with --id",
    },
    "import.file.policy": {
        "zh": "由 policytui import 生成：每行“待核”标出一处猜测，核对无误后删去该行；"
        "policytui validate 会统计剩下的。",
        "en": "Imported by policytui import: each REVIEW line marks a guess; check it, then "
        "delete the line. policytui validate counts those left.",
    },
    "import.file.rules": {
        "zh": "{id} 的计算规则草稿（policytui import 生成）：逐条核对，补上 [[rules.cases]] 黄金用例"
        "（见 docs/data-format.md），再删去“待核”行。",
        "en": "Draft calculator rules for {id}, written by policytui import: check each, add its "
        "[[rules.cases]] (docs/data-format.md), then delete its REVIEW line.",
    },
    "import.mark.level": {
        "zh": "级别：按“国家级、省级”的先后与金额一一对应",
        "en": "level: the national and provincial levels paired with the figures in their order",
    },
    "import.mark.rate_base_after": {
        "zh": "基数：原文未写“按…的”，按其后的奖补名称理解为{base}；请核对",
        "en": "base: the text has no 按…的; read as {base}, from the name of the award after the rate; check it",
    },
    "import.mark.rate_no_base": {
        "zh": "角色：比例，但原文未写明基数（按…的）",
        "en": "role: a rate, but the text does not say what it is a percentage of",
    },
    "import.mark.cap": {
        "zh": "角色：同一句中前述比例的封顶",
        "en": "role: a cap on the rate before it in the same sentence",
    },
    "import.mark.range": {
        "zh": "角色：门槛（“至”区间的端点）",
        "en": "role: a threshold, as a bound of a range (from X to Y)",
    },
    "import.mark.fund": {
        "zh": "角色：资金（句中有基金、专项资金）",
        "en": "role: a fund, as the sentence speaks of a fund",
    },
    "import.mark.unspecified": {
        "zh": "金额未明确：原文承诺支持，未写金额；若所说的支持不是资金，请删去此项",
        "en": "amount not specified: the text promises support without a figure; delete this if the support is not money",
    },
    "import.mark.target": {
        "zh": "角色：原文未说明此金额的性质，按目标处理",
        "en": "role: no word around the figure says what it is; read as a target",
    },
    "import.mark.topic": {
        "zh": "主题：原文没有任何主题词，猜测为 {topic}",
        "en": "topics: no topic's words are in the text; guessed {topic}",
    },
    "import.mark.topic_parent": {
        "zh": "主题：原文没有任何主题词，沿用上级条款的 {topic}",
        "en": "topics: no topic's words are in the text; {topic} taken from its parent",
    },
    "import.mark.department_note": {
        "zh": "部门：说明“{note}”涉及以后各条；以后各条只记其印出的部门",
        "en": "departments: the note “{note}” speaks of the later items; "
        "their lists hold only the departments they print",
    },
    "import.mark.lead_title": {"zh": "标题：取自本段首句", "en": "title: the paragraph's lead sentence"},
    "import.mark.province": {
        "zh": "省份：据文中提到的“{province}省”",
        "en": "province: read from the province the text mentions ({province})",
    },
    "import.mark.city_en": {
        "zh": "英文城市名：按拼音拼写；可用 --city-en 另行指定",
        "en": "city_en: the city's name in pinyin; give --city-en for another spelling",
    },
    "import.mark.skipped": {
        "zh": "原文第 {line} 行是网页导航，未收入原文副本：{text}",
        "en": "line {line} of the original is web-page navigation, left out of the copy: {text}",
    },
    "import.mark.rule": {
        "zh": "{kind} 规则草稿：请核对，并编写黄金用例",
        "en": "draft {kind} rule: check it and write its golden cases",
    },
    "import.mark.rule_difference": {
        "zh": "奖励差额：第二个输入项为此前获奖时的同一金额；请核对",
        "en": "the difference is paid: the second input is the same figure when a step was last rewarded; check it",
    },
    "import.mark.group": {
        "zh": "不重复：原文说本条的奖励只计最高一项；请核对此组涵盖的规则（stacking）",
        "en": "no stacking: the text says only the highest of this clause's awards counts; check which rules the group covers (stacking)",
    },
    "import.group.reason": {
        "zh": "原文明言同一条款的奖励不重复享受：每家企业只计其中最高一项",
        "en": "The text says this clause's awards do not stack: only the highest counts for a firm",
    },
    "import.label.year": {
        "zh": "第几年（原文所说的当年为第一年）",
        "en": "Which year (the year the text starts from is the first)",
    },
    "import.label.rewarded": {
        "zh": "此前获奖时的{label}（未获过填0）",
        "en": "{label} when a step was last rewarded (0 if never)",
    },
    "import.wrote": {
        "zh": "已写入 {path}（{clauses} 个条款，{figures} 个金额）",
        "en": "wrote {path} ({clauses} clauses, {figures} figures)",
    },
    "import.wrote_rules": {
        "zh": "已写入 {path}（{count} 条规则草稿，尚无黄金用例）",
        "en": "wrote {path} ({count} draft rules, no golden cases yet)",
    },
    "import.wrote_source": {"zh": "已写入原文副本 {path}", "en": "wrote the copy of the source {path}"},
    "import.review": {"zh": "待核 {count} 处：", "en": "{count} place(s) to review:"},
    "import.review.none": {"zh": "没有待核之处。", "en": "nothing to review."},
    "import.next": {
        "zh": "下一步：核对各处“待核”，然后运行 policytui validate {path}",
        "en": "next: check each REVIEW mark, then run policytui validate {path}",
    },
    # hostile environments and inputs (issue 10)
    "cli.stdout_closed": {
        "zh": "标准输出已关闭，无法输出结果",
        "en": "standard output is closed; nothing can be printed",
    },
    "compare.force_needs_output": {
        "zh": "--force 只与 --output 一起使用",
        "en": "--force works only with --output",
    },
    "compare.matrix_no_topic": {
        "zh": "--matrix 比较全部主题，不接受主题“{topic}”",
        "en": "--matrix compares every topic; it takes no topic ('{topic}')",
    },
    "calc.cli.repeated_input": {"zh": "输入项 {name} 给了两次", "en": "input {name} is given twice"},
    "export.not_regular": {
        "zh": "{path} 不是普通文件，未覆盖",
        "en": "{path} is not a regular file; not overwritten",
    },
    "export.is_directory": {
        "zh": "{path} 是目录（应为文件名）",
        "en": "{path} is a directory (expected a file name)",
    },
    # honest estimates (issue 13)
    "calc.note.tiered": {
        "zh": "分档：金额按档次确定，原文未列出各档",
        "en": "In grades: the amount depends on a grade the text does not list",
    },
    "calc.note.per-firm-reading": {
        "zh": "按企业还是按每项认证给予，原文未明确：严格口径每家企业只计一次，宽松口径逐项计算",
        "en": "The text does not say whether this is once per firm or once per certification: the strict total counts it once per firm, the lenient total once per certification",
    },
    "calc.note.registered-within": {
        "zh": "“注册N年内”可有两种理解：企业注册未满N年；或在注册后N年内完成所述投资。计算器按前者（注册年数）判断",
        "en": "“Within N years of registering” reads two ways: the firm is at most N years old, or the investment was made within N years of registering. The calculator takes the first (years since registering)",
    },
    "calc.note.stacking.reading": {
        "zh": "就高不重复（本工具的理解）：属“{group}”。{reason}（依据原文：{quote}）",
        "en": "Non-stacking (the tool's reading): in “{group}”. {reason} (based on: {quote})",
    },
    "calc.standing.strict-set-aside": {"zh": "严格口径不计", "en": "set aside (strict)"},
    "calc.standing.other-recipient": {"zh": "非企业所得", "en": "not the firm's"},
    "calc.standing.ceiling": {"zh": "他策上限", "en": "other policy's ceiling"},
    "calc.estimate.same_reading": {
        "zh": "严格口径下与“{kept}”同属“{group}”，只计金额最高的“{kept}”；宽松口径仍计入（理解与依据见上）",
        "en": "Under the strict reading it is in “{group}” with “{kept}”, which is higher, so only that counts; the lenient total keeps it (the reading and its basis are above)",
    },
    "calc.estimate.same_project": {
        "zh": "项目“{project}”同时计入{rules}：原文未说明同一项目能否同时获得多项支持，三种合计均已计入，申报前请向主管部门确认",
        "en": "The project “{project}” counts under {rules}: the texts do not say whether one project may be funded twice; every total counts both, so check with the department before applying",
    },
    "calc.estimate.per_firm.name": {"zh": "{rule}：每家企业一项", "en": "{rule}: once per firm"},
    "calc.estimate.per_firm.reason": {
        "zh": "原文的对象是“企业”，严格口径每家企业只计一次",
        "en": "The text names the firm, so the strict total counts it once per firm",
    },
    "calc.estimate.per_firm.alternative": {
        "zh": "宽松口径：每通过一项认证计一次",
        "en": "Lenient reading: once for each certification",
    },
    "calc.estimate.two_readings.met": {
        "zh": "{rule}：按“企业注册未满期限”的理解符合条件；若理解为“注册后期限内完成投资”，需核对投资时间（原文：{quote}）",
        "en": "{rule}: met if the firm is young enough; if it means the investment was made within the years after registering, check when it was made (text: {quote})",
    },
    "calc.estimate.two_readings.not_met": {
        "zh": "{rule}：按“企业注册未满期限”的理解不符合；若理解为“注册后期限内完成投资”，则可能符合（原文：{quote}）",
        "en": "{rule}: not met if it means the firm's age; if it means the investment was made within the years after registering, it may be met (text: {quote})",
    },
    "calc.estimate.unknown_city": {
        "zh": "没有已载入的政策属于城市“{city}”；已载入的城市：{cities}",
        "en": "no loaded policy covers the city '{city}'; the loaded cities: {cities}",
    },
    "calc.estimate.combined": {
        "zh": "合计把{cities}的金额相加，假定企业在每个城市都符合条件；实际上一家企业通常只在一地落户",
        "en": "The totals add up {cities}: that assumes the firm qualifies in every city, while a firm usually settles in one",
    },
    "calc.label.total_strict": {"zh": "严格口径合计", "en": "Strict-reading total"},
    "calc.label.total_lenient": {"zh": "宽松口径合计", "en": "Lenient-reading total"},
    "calc.label.total.plain_means": {
        "zh": "各项相加，不扣除任何重复",
        "en": "every award added, nothing set aside",
    },
    "calc.label.total.strict_means": {
        "zh": "按本工具对就高不重复最严格的理解，每组只计最高一项",
        "en": "under the tool's strictest reading of non-stacking: one award per group",
    },
    "calc.label.total.lenient_means": {
        "zh": "只扣除原文明确排除的重复",
        "en": "only what the text plainly rules out is set aside",
    },
    "calc.label.readings": {"zh": "就高不重复：本工具的理解", "en": "Non-stacking: how the tool reads it"},
    "calc.label.reading.tool": {
        "zh": "本工具的理解，原文未明确（只用于严格口径）",
        "en": "the tool's reading, not the text's words (strict total only)",
    },
    "calc.label.reading.text": {
        "zh": "原文明确规定（两种口径均适用）",
        "en": "the text says so (both totals)",
    },
    "calc.label.reading.basis": {"zh": "依据原文", "en": "Basis in the text"},
    "calc.label.reading.alternative": {"zh": "另一种理解", "en": "The other reading"},
    "calc.label.others": {
        "zh": "支付给企业以外的对象（不计入企业合计）",
        "en": "Paid to someone other than the firm (not in the firm's totals)",
    },
    "calc.label.ceilings": {
        "zh": "由其他政策确定的上限（未计入合计）",
        "en": "Ceilings set by another policy (not in the totals)",
    },
    "calc.label.ceilings.included": {
        "zh": "由其他政策确定的上限（应要求已计入合计）",
        "en": "Ceilings set by another policy (in the totals, as asked)",
    },
    "calc.label.ceiling_item": {
        "zh": "{rule}：{amount}，金额依其他政策确定，企业情况无法核对（原文：{quote}）",
        "en": "{rule}: {amount}; another policy sets the amount, which the profile cannot check (text: {quote})",
    },
    "calc.label.cautions": {"zh": "原文可有不同理解", "en": "Where the text reads two ways"},
    "calc.label.policy_part": {"zh": "{city}：《{title}》", "en": "{city}: {title}"},
    "calc.label.no_combined": {
        "zh": "不同城市的金额不相加（企业通常只在一地落户）；确需相加，请勾选“把不同城市的金额相加”或用 --combine",
        "en": "Amounts of different cities are not added up (a firm usually settles in one); to add them, tick “Add up different cities” or use --combine",
    },
    "list.sep": {"zh": "、", "en": ", "},
    "calc.label.no_figures": {"zh": "原文未给出金额，不作合计", "en": "The text gives no figure: no total"},
    "calc.tui.combine": {"zh": "把不同城市的金额相加", "en": "Add up different cities"},
    "calc.tui.include_ceilings": {
        "zh": "计入由其他政策确定的上限",
        "en": "Count other policies' ceilings",
    },
    "role.baseline": {"zh": "现状值", "en": "current value"},
    "amount.aspiration": {"zh": "争取目标，非承诺", "en": "an aspiration, not a commitment"},
    "field.departments.carried": {
        "zh": "；另有{departments}（据{label}：“{quote}”）",
        "en": "; also {departments} (per {label}: “{quote}”)",
    },
    "status.draft-lapsed": {
        "zh": "拟定有效期已过（拟至{until}）",
        "en": "Proposed validity has passed (proposed until {until})",
    },
    "status.short.draft-lapsed": {"zh": "拟定有效期已过", "en": "proposed validity passed"},
    "warn.draft-lapsed": {
        "zh": "截至{as_of}，《{title}》拟定的有效期（至{until}）已过，金额仅供参考",
        "en": "As of {as_of}, the validity proposed for {title} (until {until}) has passed; figures are for reference only",
    },
    # interaction (issue 15)
    "key.back": {"zh": "返回", "en": "Back"},
    "key.quit": {"zh": "退出", "en": "Quit"},
    "app.no_back": {
        "zh": "这是第一个界面，没有可返回的界面；按 q 或 Ctrl+Q 退出",
        "en": "This is the first screen, there is nothing to go back to; q or Ctrl+Q quits",
    },
    "browse.related_needs_clause": {
        "zh": "相关条款需先选中一条条款（当前选中的是整份政策）",
        "en": "Related clauses need a clause: a whole policy is selected",
    },
    "compare.needs_clause": {
        "zh": "请先用方向键选中一条条款",
        "en": "Pick a clause with the arrow keys first",
    },
    "targets.chart_needs_table": {
        "zh": "没有指标表，也就没有图表可切换；按 p 查看有指标表的政策",
        "en": "No indicator table, so no chart to switch to; p shows a policy that has one",
    },
    "targets.chart_beside_table": {
        "zh": "窗口够宽，表格和图表已并排显示",
        "en": "The window is wide enough: the table and the chart are side by side",
    },
    "targets.no_table": {
        "zh": "《{title}》没有指标表；按 p 查看有指标表的政策",
        "en": "{title} has no indicator table; p shows a policy that has one",
    },
    "compare.copy_what": {"zh": "“{topic}”对比（Markdown）", "en": "comparison of “{topic}” (Markdown)"},
    "compare.matrix_what": {"zh": "主题矩阵（Markdown）", "en": "topic matrix (Markdown)"},
    "palette.placeholder": {
        "zh": "搜索命令、政策、条款或主题……",
        "en": "Search for commands, policies, clauses or topics…",
    },
    "palette.no_matches": {"zh": "没有找到匹配项", "en": "No matches found"},
    "system.theme": {"zh": "主题", "en": "Theme"},
    "system.theme_help": {"zh": "更换配色主题（会记住）", "en": "Change the colour theme (remembered)"},
    "system.quit": {"zh": "退出", "en": "Quit"},
    "system.quit_help": {"zh": "立即退出程序", "en": "Quit the application"},
    "system.keys": {"zh": "按键", "en": "Keys"},
    "system.keys_help": {"zh": "列出本界面的全部按键", "en": "Every key of this screen"},
    "system.maximize": {"zh": "最大化", "en": "Maximize"},
    "system.maximize_help": {"zh": "最大化当前区域", "en": "Maximize the focused area"},
    "system.minimize": {"zh": "还原", "en": "Minimize"},
    "system.minimize_help": {"zh": "还原为正常大小", "en": "Restore to normal size"},
    "system.screenshot": {"zh": "截图", "en": "Screenshot"},
    "system.screenshot_help": {
        "zh": "把当前界面保存为 SVG 截图",
        "en": "Save an SVG screenshot of the current screen",
    },
    "action.scroll_up": {"zh": "上滚", "en": "Scroll up"},
    "action.scroll_down": {"zh": "下滚", "en": "Scroll down"},
    "action.cursor_left": {"zh": "左移光标", "en": "Cursor left"},
    "action.cursor_right": {"zh": "右移光标", "en": "Cursor right"},
    "action.cursor_left_word": {"zh": "左移一词", "en": "Cursor left a word"},
    "action.cursor_right_word": {"zh": "右移一词", "en": "Cursor right a word"},
    "action.scroll_top": {"zh": "到顶部", "en": "Top"},
    "action.scroll_bottom": {"zh": "到底部", "en": "Bottom"},
    "action.first": {"zh": "第一项", "en": "First"},
    "action.last": {"zh": "最后一项", "en": "Last"},
    "action.home": {"zh": "到行首", "en": "Go to start"},
    "action.end": {"zh": "到行尾", "en": "Go to end"},
    "action.home(True)": {"zh": "选到行首", "en": "Select to line start"},
    "action.end(True)": {"zh": "选到行尾", "en": "Select to line end"},
    "action.delete_left": {"zh": "删除左侧字符", "en": "Delete character left"},
    "action.delete_right": {"zh": "删除右侧字符", "en": "Delete character right"},
    "action.delete_left_word": {"zh": "删除左侧一词", "en": "Delete word left"},
    "action.delete_right_word": {"zh": "删除右侧一词", "en": "Delete word right"},
    "action.delete_left_all": {"zh": "删除左侧全部", "en": "Delete all to the left"},
    "action.delete_right_all": {"zh": "删除右侧全部", "en": "Delete all to the right"},
    "action.copy": {"zh": "复制选中文字", "en": "Copy selected text"},
    "action.cut": {"zh": "剪切选中文字", "en": "Cut selected text"},
    "action.paste": {"zh": "粘贴", "en": "Paste"},
    "action.select_all": {"zh": "全选", "en": "Select all"},
    "action.submit": {"zh": "确认", "en": "Submit"},
    "action.select": {"zh": "选中", "en": "Select"},
    "action.toggle_button": {"zh": "切换", "en": "Toggle"},
    "action.press": {"zh": "按下按钮", "en": "Press button"},
    "action.show_overlay": {"zh": "展开选项", "en": "Show menu"},
    "action.next_tab": {"zh": "下一个标签页", "en": "Next tab"},
    "action.previous_tab": {"zh": "上一个标签页", "en": "Previous tab"},
    "action.next_button": {"zh": "下一选项", "en": "Next option"},
    "action.previous_button": {"zh": "上一选项", "en": "Previous option"},
    "action.toggle_collapsible": {"zh": "展开/折叠", "en": "Expand/collapse"},
    "action.open_link": {"zh": "打开链接", "en": "Open link"},
    "action.dismiss": {"zh": "关闭", "en": "Close"},
    "action.cursor_left(True)": {"zh": "左移并选中", "en": "Cursor left, selecting"},
    "action.cursor_right(True)": {"zh": "右移并选中", "en": "Cursor right, selecting"},
    "action.cursor_left_word(True)": {"zh": "左移一词并选中", "en": "Cursor left a word, selecting"},
    "action.cursor_right_word(True)": {"zh": "右移一词并选中", "en": "Cursor right a word, selecting"},
    "punct.colon": {"zh": "：", "en": ": "},
    "punct.list": {"zh": "、", "en": ", "},
    "punct.semicolon": {"zh": "；", "en": "; "},
    "punct.notes": {"zh": "（{notes}）", "en": " ({notes})"},
    "punct.notes_sep": {"zh": "，", "en": ", "},
    "app.ctrl_c": {
        "zh": "按 Ctrl+Q 退出（输入框外也可按 q）",
        "en": "Press Ctrl+Q to quit (or q outside an input)",
    },
    "cli.error": {"zh": "错误：", "en": "error: "},
    "cli.warning": {"zh": "警告：", "en": "warning: "},
    "cli.more_warnings": {
        "zh": "{file}：另有 {n} 处同类警告；policytui validate 逐条列出",
        "en": "{file}: {n} more warnings of this kind; policytui validate lists each",
    },
    "os.ENOENT": {"zh": "没有这个文件或目录", "en": "no such file or directory"},
    "os.EACCES": {"zh": "没有权限", "en": "permission denied"},
    "os.EPERM": {"zh": "不允许的操作", "en": "operation not permitted"},
    "os.EISDIR": {"zh": "这是一个目录", "en": "is a directory"},
    "os.ENOTDIR": {"zh": "路径中有一项不是目录", "en": "a part of the path is not a directory"},
    "os.ENOSPC": {"zh": "磁盘空间不足", "en": "no space left on the device"},
    "os.EROFS": {"zh": "文件系统只读", "en": "read-only file system"},
    "show.column.role": {"zh": "类型", "en": "Role"},
    "show.column.figure": {"zh": "数额", "en": "Figure"},
    "show.column.subject": {"zh": "对象", "en": "Subject"},
    "show.column.quote": {"zh": "原文", "en": "Quote"},
    # search (issue 16)
    "search.did_you_mean": {"zh": "您是不是要找：{words}", "en": "Did you mean: {words}"},
    "search.any": {"zh": "全部", "en": "Any"},
    "search.city": {"zh": "城市", "en": "City"},
    "search.status": {"zh": "状态", "en": "Status"},
    "search.kind": {"zh": "类型", "en": "Kind"},
    "search.in_force_first": {"zh": "有效优先", "en": "In force first"},
    "search.group": {"zh": "按政策分组", "en": "Group by policy"},
    "search.kind.title": {"zh": "标题", "en": "Title"},
    "search.kind.notice": {"zh": "通知", "en": "Notice"},
    "search.kind.preamble": {"zh": "序言", "en": "Preamble"},
    "search.kind.part": {"zh": "部分", "en": "Part"},
    "search.kind.section": {"zh": "条", "en": "Section"},
    "search.kind.subsection": {"zh": "款", "en": "Subsection"},
    "search.kind.item": {"zh": "项", "en": "Item"},
    "search.kind.paragraph": {"zh": "段", "en": "Paragraph"},
    "search.kind.table": {"zh": "表", "en": "Table"},
    "search.kind.closing": {"zh": "结尾", "en": "Closing"},
    "search.kind.cc": {"zh": "抄送", "en": "Copied to"},
    # issue 15, round 2: the rest of the chrome in both languages
    "compare.policy_line": {"zh": "{city}《{title}》· {status}", "en": "{city}: {title} · {status}"},
    # a query that cannot be read (core.search.query.QueryError's reasons)
    "search.error.empty": {
        "zh": "查询为空：请输入词语、拼音、金额，或 topic:开源 这样的筛选条件",
        "en": "empty query: type words, pinyin, an amount or a filter such as topic:开源",
    },
    "search.error.too_long": {
        "zh": "查询过长：{length} 个字符，最多 {limit} 个",
        "en": "query too long: {length} characters, at most {limit}",
    },
    "search.error.nothing": {"zh": "“{text}”中没有可搜索的内容", "en": "nothing to search for in '{text}'"},
    "search.error.needs_value": {
        "zh": "“{token}”缺少值，例如 policy:wuxi-draft、topic:开源、has:amount 或 amount>=100万",
        "en": "'{token}' needs a value, such as policy:wuxi-draft, topic:开源, has:amount or amount>=100万",
    },
    "search.error.no_policy": {"zh": "没有政策“{value}”", "en": "no policy '{value}'"},
    "search.error.no_city": {"zh": "没有城市“{value}”", "en": "no city '{value}'"},
    "search.error.no_kind": {"zh": "没有条款类型“{value}”", "en": "no clause kind '{value}'"},
    "search.error.no_topic": {"zh": "没有主题“{value}”", "en": "no topic '{value}'"},
    "search.error.status": {
        "zh": "“{token}”：status: 可取 in-force、draft、expired 或 not-yet",
        "en": "'{token}': status: takes in-force, draft, expired or not-yet",
    },
    "search.error.has": {
        "zh": "“{token}”：has: 只能取 amount（写有金额的条款）",
        "en": "'{token}': has: takes 'amount' (clauses that print a sum of money)",
    },
    "search.error.amount": {
        "zh": "“{token}”：“{value}”不是金额。{forms}",
        "en": "'{token}': '{value}' is not a sum of money. {forms}",
    },
    "search.error.near": {"zh": "；您是不是要找：{near}", "en": "; did you mean {near}?"},
    # validate
    "validate.severity.error": {"zh": "错误", "en": "error"},
    "validate.severity.warning": {"zh": "警告", "en": "warning"},
    "validate.problem": {"zh": "{severity}：{problem}", "en": "{severity}: {problem}"},
    "validate.expected": {"zh": "（应为：{expected}）", "en": " (expected {expected})"},
    "validate.ok": {
        "zh": "通过：检查了 {files} 个文件，{errors} 个错误，{warnings} 个警告",
        "en": "ok: {files} {files:file|files} checked, {errors} {errors:error|errors}, "
        "{warnings} {warnings:warning|warnings}",
    },
    "validate.failed": {
        "zh": "未通过：检查了 {files} 个文件，{errors} 个错误，{warnings} 个警告",
        "en": "failed: {files} {files:file|files} checked, {errors} {errors:error|errors}, "
        "{warnings} {warnings:warning|warnings}",
    },
    "validate.case.ok": {"zh": "通过", "en": "ok  "},
    "validate.case.fail": {"zh": "失败", "en": "FAIL"},
    "validate.case.no_inputs": {"zh": "无输入", "en": "no inputs"},
    "validate.case.expected": {"zh": "；应为 {expected}", "en": "; expected {expected}"},
    "validate.cases": {
        "zh": "用例：运行 {run} 个，失败 {failed} 个",
        "en": "cases: {run} run, {failed} failed",
    },
    # calc --list
    "calc.list.id": {"zh": "编号", "en": "ID"},
    "calc.list.kind": {"zh": "类型", "en": "Kind"},
    "calc.list.inputs": {"zh": "输入项", "en": "Inputs"},
    # Textual's screenshot toasts
    "app.screenshot_saved": {"zh": "截图已保存到 {path}", "en": "Screenshot saved to {path}"},
    "app.screenshot_failed": {"zh": "截图保存失败", "en": "Could not save the screenshot"},
    "palette.themes": {"zh": "搜索配色主题……", "en": "Search for themes…"},
    "calc.tui.whatif_input": {"zh": "选择变化的输入项", "en": "Choose the input that varies"},
    "punct.title": {"zh": "《{title}》", "en": "{title}"},
    # data problems (their messages: render/problems.py) and golden cases
    "problems.or": {"zh": "{first}或{last}", "en": "{first} or {last}"},
    "validate.case.not_eligible": {"zh": "不符合条件", "en": "not eligible"},
    "validate.case.eligible": {
        "zh": '符合条件，amount_yuan = "{amount}"',
        "en": 'eligible, amount_yuan = "{amount}"',
    },
    # the command line's help and argparse's own words (cli/common.WordedArgumentParser)
    "args.usage": {"zh": "用法：", "en": "usage: "},
    "args.positionals": {"zh": "位置参数", "en": "positional arguments"},
    "args.options": {"zh": "选项", "en": "options"},
    "args.help": {"zh": "显示此帮助并退出", "en": "show this help message and exit"},
    "args.version": {"zh": "显示版本号并退出", "en": "show the version number and exit"},
    "args.required": {"zh": "缺少必需的参数：{names}", "en": "the following arguments are required: {names}"},
    "args.one_required": {
        "zh": "需要以下参数之一：{names}",
        "en": "one of the arguments {names} is required",
    },
    "args.unrecognized": {"zh": "无法识别的参数：{args}", "en": "unrecognized arguments: {args}"},
    "args.argument": {"zh": "参数 {argument}：{message}", "en": "argument {argument}: {message}"},
    "args.invalid_choice": {
        "zh": "无效的选择“{value}”（可选：{choices}）",
        "en": "invalid choice: '{value}' (choose from {choices})",
    },
    "args.invalid_value": {"zh": "无效的值“{value}”", "en": "invalid value: '{value}'"},
    "args.expected_one": {"zh": "需要一个值", "en": "expected one argument"},
    "args.expected_some": {"zh": "需要至少一个值", "en": "expected at least one argument"},
    "args.not_allowed_with": {"zh": "不能与参数 {other} 同时使用", "en": "not allowed with argument {other}"},
    "args.ambiguous": {
        "zh": "选项 {option} 有歧义，可能是：{matches}",
        "en": "ambiguous option: {option} could match {matches}",
    },
    "args.not_a_date": {
        "zh": "“{value}”不是日期（应为 YYYY-MM-DD）",
        "en": "'{value}' is not a date (expected YYYY-MM-DD)",
    },
    "args.empty_path": {
        "zh": "空路径不是数据目录（应为目录或文件）",
        "en": "an empty path is not a data directory (expected a directory or file)",
    },
    "args.not_a_count": {
        "zh": "“{value}”不是结果条数（应为 1 或更大）",
        "en": "'{value}' is not a number of results (expected 1 or more)",
    },
    "help.description": {
        "zh": "浏览、搜索、比较和测算中国各城市的软件产业政策。不带命令时打开交互式浏览界面。",
        "en": "Browse, search, compare and cost Chinese municipal software-industry policies. "
        "With no command, opens the interactive browser.",
    },
    "help.data": {
        "zh": "另外从 DIR 加载政策 TOML 文件（可重复）",
        "en": "also load policy TOML files from DIR (repeatable)",
    },
    "help.as_of": {
        "zh": "按这一日期判断各政策的状态（默认：今天）",
        "en": "judge each policy's status as of this date (default: today)",
    },
    "help.lang": {
        "zh": "工具自身用语的语言（政策原文保持原样）",
        "en": "language of the tool's own words (policy text stays as written)",
    },
    "help.no_user_data": {
        "zh": "只加载内置数据和 --data 目录",
        "en": "load only the bundled data and --data directories",
    },
    "help.json": {"zh": "输出 JSON，供脚本使用", "en": "print JSON for scripts"},
    "help.list": {"zh": "列出已加载的政策及其状态", "en": "list the loaded policies and their status"},
    "help.show": {"zh": "完整显示一个条款", "en": "print one clause in full"},
    "help.show.clause_id": {
        "zh": "如 wuxi-draft/m4（唯一时也可写 m4）",
        "en": "such as wuxi-draft/m4 (or m4 where unique)",
    },
    "help.paths": {
        "zh": "显示数据目录（可在其中添加自己的政策）",
        "en": "show the data directories (add your own policies there)",
    },
    "help.validate": {"zh": "检查政策 TOML 文件", "en": "check policy TOML files"},
    "help.validate.paths": {"zh": "要检查的文件或目录", "en": "files or directories to check"},
    "help.validate.cases": {
        "zh": "逐个列出规则的黄金用例及其结果",
        "en": "print each golden case of the rules and its result",
    },
    "help.search": {
        "zh": "模糊搜索：词语、错别字、拼音、英文术语、金额",
        "en": "fuzzy search: words, typos, pinyin, English terms, amounts",
    },
    "help.search.description": {
        "zh": "词语（总部奖励）、拼音（kaiyuan、zjtx、zj特新、zhuan jing te xin）、英文（open source、IPO、"
        "software parks）、金额（500万、0.05亿）和筛选条件：policy:ID 或城市名、city:无锡、"
        "status:in-force|draft|expired|not-yet（按 --as-of 判断）、kind:section、topic:开源、has:amount、"
        "amount>=100万。",
        "en": "Words (总部奖励), pinyin (kaiyuan, zjtx, zj特新, zhuan jing te xin), English (open source, "
        "IPO, software parks), amounts (500万, 0.05亿) and filters: policy:ID or a city name, city:无锡, "
        "status:in-force|draft|expired|not-yet (as of --as-of), kind:section, topic:开源, has:amount, "
        "amount>=100万.",
    },
    "help.search.query": {
        "zh": "要找的内容；多个词合为一个查询",
        "en": "what to look for; several words are one query",
    },
    "help.search.policy": {
        "zh": "只搜这一政策（id 或城市名）",
        "en": "only this policy (an id or a city name)",
    },
    "help.search.limit": {"zh": "最多 N 条结果（默认 10）", "en": "at most N results (default 10)"},
    "help.search.in_force_first": {
        "zh": "现行政策的条款排在前面，已失效的排在最后（都不隐藏）",
        "en": "rank clauses of policies in force first, expired ones last (none is hidden)",
    },
    "help.search.group": {"zh": "按政策分组显示结果", "en": "group the results by policy"},
    "help.compare": {
        "zh": "按主题并排比较政策，或比较全部主题（--matrix）",
        "en": "compare policies side by side on a topic, or all topics (--matrix)",
    },
    "help.compare.topic": {
        "zh": "主题 id、名称或相近的写法（开源、open-source、专精特新……）",
        "en": "a topic id, its name or something close (开源, open-source, 专精特新 …)",
    },
    "help.compare.matrix": {"zh": "所有主题对所有政策", "en": "every topic against every policy"},
    "help.compare.policies": {
        "zh": "要比较的政策（默认：全部已加载的）",
        "en": "the policies to compare (default: all loaded)",
    },
    "help.compare.format": {
        "zh": "text 供阅读；md、csv 或 json 供笔记和脚本",
        "en": "text for people; md, csv or json for notes and scripts",
    },
    "help.compare.output": {
        "zh": "写入 FILE（格式取自 --format 或文件后缀）；不覆盖已有文件",
        "en": "write to FILE (format from --format or the file's suffix); never overwrites",
    },
    "help.compare.force": {
        "zh": "与 --output 同用：覆盖已有的 FILE",
        "en": "with --output: overwrite an existing FILE",
    },
    "help.calc": {
        "zh": "按规则计算奖励，并引用其条款",
        "en": "compute an award from a rule, citing its clause",
    },
    "help.calc.rule_id": {
        "zh": "如 wuxi-draft:hq-landing（或 hq-landing）",
        "en": "such as wuxi-draft:hq-landing (or hq-landing)",
    },
    "help.calc.assignments": {
        "zh": "输入项，如 paid_in_capital=2亿",
        "en": "inputs, such as paid_in_capital=2亿",
    },
    "help.calc.list": {"zh": "列出每条规则及其输入项", "en": "list every rule with its inputs"},
    "help.calc.markdown": {"zh": "以 Markdown 输出结果", "en": "print the result as Markdown"},
    "help.calc.sweep": {
        "zh": "假设分析：一个输入项在某一范围内变化时的奖励，如 paid_in_capital=0..30亿",
        "en": "what-if: the award as one input runs over a range, such as paid_in_capital=0..30亿",
    },
    "help.estimate": {
        "zh": "测算企业画像符合的全部奖励：一般、从严和从宽合计",
        "en": "estimate every award a firm's profile meets: plain, strict and lenient totals",
    },
    "help.estimate.profile": {"zh": "企业的情况（见 --example）", "en": "the firm's facts (see --example)"},
    "help.estimate.example": {
        "zh": "输出 policytui 自带的示例画像（与 --json 或 --markdown 同用时：输出其测算）",
        "en": "print the example profile that ships with policytui (with --json or --markdown: its estimate)",
    },
    "help.estimate.markdown": {"zh": "以 Markdown 输出测算", "en": "print the estimate as Markdown"},
    "help.estimate.combine": {
        "zh": "把不同城市的奖励加总（假定企业在每个城市都符合条件）",
        "en": "add up the awards of different cities (assumes the firm qualifies in every city)",
    },
    "help.estimate.include_ceilings": {
        "zh": "把其他政策设定的上限（如经营贡献奖励）计入合计",
        "en": "count ceilings set by another policy (such as 经营贡献奖励) in the totals",
    },
    "help.import": {
        "zh": "把政策文本（UTF-8 或 GBK）转换为结构化的政策文件",
        "en": "turn a policy text (UTF-8 or GBK) into a structured policy file",
    },
    "help.import.source": {"zh": "纯文本格式的政策", "en": "the policy as plain text"},
    "help.import.id": {
        "zh": "政策 id（默认：由城市和年份生成，如 nanjing-2021）",
        "en": "the policy's id (default: from the city and the year, such as nanjing-2021)",
    },
    "help.import.city": {
        "zh": "城市的中文名（默认：从标题中读取）",
        "en": "the city's Chinese name (default: read from the title)",
    },
    "help.import.city_en": {
        "zh": "城市的英文名（默认：拼音）",
        "en": "the city's English name (default: pinyin)",
    },
    "help.import.output": {
        "zh": "把政策写入 FILE.toml，或写入某个目录（默认：当前目录下的 ID.toml）",
        "en": "write the policy to FILE.toml, or into a directory (default: ID.toml here)",
    },
    "help.import.install": {
        "zh": "写入用户数据目录，policytui 立即可见",
        "en": "write into the user data directory, so policytui shows it at once",
    },
    "help.import.force": {"zh": "替换已有的文件", "en": "replace files that exist"},
    "paths.bundled": {"zh": "内置数据", "en": "bundled"},
    "paths.user": {"zh": "用户数据", "en": "user"},
    "paths.env": {"zh": "POLICYTUI_DATA", "en": "POLICYTUI_DATA"},
    "paths.option": {"zh": "--data", "en": "--data"},
    "paths.config": {"zh": "设置", "en": "config"},
    "paths.missing": {"zh": "（尚不存在）", "en": "  (does not exist yet)"},
    "cli.internal_error": {
        "zh": "policytui: 内部错误：{error}（设置 POLICYTUI_DEBUG=1 可查看详情）",
        "en": "policytui: internal error: {error} (set POLICYTUI_DEBUG=1 for details)",
    },
    # cli round 3
    "calc.list.unit.money": {"zh": "元", "en": "yuan"},
    "calc.list.unit.years": {"zh": "年", "en": "years"},
    # tui round 3
    "calc.label.yes": {"zh": "是", "en": "yes"},
    "calc.label.no": {"zh": "否", "en": "no"},
}


class Count(int):
    """A number formatted into a string that also picks its noun's form: `{n:clause|clauses}`
    gives "clause" when n is 1, else "clauses" (English plurals; Chinese needs none)."""

    def __format__(self, spec: str) -> str:
        if "|" in spec:
            one, many = spec.split("|", 1)
            return one if self == 1 else many
        return format(int(self), spec)


def t(key: str, lang: str = "zh", **values: object) -> str:
    """The string `key` in `lang`, formatted with `values` (an int can choose a plural, see Count)."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry["zh"]
    counts = {k: Count(v) if type(v) is int else v for k, v in values.items()}
    return text.format(**counts) if values else text


def os_error_words(error: OSError, lang: str = "zh") -> str:
    """Why a file could not be read or written, in the user's language; the system's words
    for a rarer error."""
    key = f"os.{errno.errorcode.get(error.errno or 0, '')}"
    return t(key, lang) if key in STRINGS else error.strerror or type(error).__name__


def status_labels(status: PolicyStatus, lang: str = "zh") -> list[str]:
    """Badges for a policy's status: the draft mark first, then its validity."""
    labels = [t("status.draft", lang)] if status.draft else []
    until = status.valid_until_printed
    if status.validity is Validity.IN_FORCE and not until:
        labels.append(t("status.in-force.open", lang))
    else:
        labels.append(t(f"status.{status.wording}", lang, until=until))
    return labels


def status_warnings(status: PolicyStatus, title: str, lang: str = "zh") -> list[str]:
    """Warnings to attach to anything quoted from, or computed on, the policy."""
    warnings = []
    values = {"as_of": status.as_of.isoformat(), "title": title, "until": status.valid_until_printed}
    if status.validity is Validity.EXPIRED:
        warnings.append(t(f"warn.{status.wording}", lang, **values))
    elif status.validity is Validity.NOT_YET and not status.draft:
        warnings.append(t("warn.not-yet-in-force", lang, **values))
    if status.draft:
        warnings.append(t("warn.draft", lang, **values))
    return warnings


def query_problem(reason: str, values: dict[str, object], lang: str = "zh") -> str:
    """What is wrong with a search query (a QueryError's reason and values), in `lang`."""
    text = t(f"search.error.{reason}", lang, forms=t("calc.forms.money", lang), **values)
    near = values.get("near")
    if isinstance(near, list) and near:
        text += t("search.error.near", lang, near=t("punct.list", lang).join(near))
    return text
