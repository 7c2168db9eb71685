"""The calculator screen: a rule picker, a form that recomputes as you type, the trace, a what-if
chart, and a firm-profile estimate."""
