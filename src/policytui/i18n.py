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
    # -- search
    # -- compare
    # -- calculator
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
