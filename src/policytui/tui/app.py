"""PolicyApp: the interactive browser, and create_app(), which the CLI and the tests call.

The library is read ahead (core.load_ahead): at once when the cache holds every file
unchanged, else in a thread that the CLI starts before it imports Textual. When it is in by
the time the first screen is made, that screen is built with it: one paint, no loading
line. Else the first screen paints at once and the active screen gets LibraryReady once it
is in (see docs/architecture.md, "The TUI contract"). With the library cache on, the
texts are read first (policies, topics, synonyms) and the rules once those are on screen:
they are a tenth of a first start, and only the calculator needs them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from importlib import import_module
from typing import TYPE_CHECKING, Any

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from policytui import collector
from policytui.core.model import Library
from policytui.i18n import LANGS, t
from policytui.render import remembered_breaks
from policytui.tui.keys import localize_bindings
from policytui.tui.messages import LanguageChanged, LibraryReady, OpenClause
from policytui.tui.settings import load_settings, save_setting

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.widget import AwaitMount

    from policytui.core.calc.rules import Rule
    from policytui.core.load_ahead import LoadAhead

__all__ = ["LanguageChanged", "LibraryReady", "PolicyApp", "create_app"]


# Feature modules are imported when first used, so start-up imports only the first screen.
def _lazy(module: str, name: str) -> Callable[[], type[Provider]]:
    """A palette provider entry: returns the class `name` of `module`."""
    return lambda: getattr(import_module(module), name)


def _screen(module: str, name: str) -> Callable[[], Screen[Any]]:
    """A MODES entry: makes a `name` screen from `module`."""
    return lambda: getattr(import_module(module), name)()


# -- Feature screens: register yours here, in one place. -------------------------------
# A screen is a mode: one MODES entry, `"name": _screen("policytui.tui.<feature>.screen", "Class")`,
# and one Binding in BINDINGS, `Binding(key, "switch_mode('name')", "描述", id="mode.name")`.
# The footer and help show the description in the UI language when i18n has "key.mode.name"
# (keys/localize_bindings). Subclass tui.base_screen.PolicyScreen to get the header, footer,
# the loading state and the language switch for free; palette providers go in COMMANDS.
# The first screen, browse, is Textual's default screen and joins MODES once the app is mounted
# (PolicyApp.on_mount): Textual waits for a MODES screen to mount inside its start-up batch,
# where that screen's first layout and paint are done and thrown away (14 ms of every start).
BROWSE = _screen("policytui.tui.browse.screen", "BrowseScreen")
MODES: dict[str, str | Callable[[], Screen[Any]]] = {  # App.MODES's type
    "search": _screen("policytui.tui.search.screen", "SearchScreen"),
    "overview": _screen("policytui.tui.overview.screen", "OverviewScreen"),
    "targets": _screen("policytui.tui.targets.screen", "TargetsScreen"),
    "compare": _screen("policytui.tui.compare.screen", "CompareScreen"),
    "matrix": _screen("policytui.tui.compare.matrix", "MatrixScreen"),
    "counterparts": _screen("policytui.tui.compare.counterparts", "CounterpartScreen"),
    "calc": _screen("policytui.tui.calc.screen", "CalcScreen"),
}
MODE_BINDINGS = [
    Binding("b", "switch_mode('browse')", "浏览", id="mode.browse"),
    Binding("/", "switch_mode('search')", "搜索", id="mode.search"),
    Binding("o", "switch_mode('overview')", "概览", id="mode.overview"),
    Binding("t", "switch_mode('targets')", "目标", id="mode.targets"),
    Binding("v", "switch_mode('compare')", "对比", id="mode.compare"),
    Binding("m", "switch_mode('matrix')", "矩阵", id="mode.matrix"),
    Binding("n", "switch_mode('counterparts')", "相近条款", id="mode.counterparts"),
    Binding("a", "switch_mode('calc')", "计算", id="mode.calc"),
]
PALETTE_PROVIDERS = {
    _lazy("policytui.tui.palette", "PolicyProvider"),
    _lazy("policytui.tui.palette", "ClauseProvider"),
    _lazy("policytui.tui.palette", "TopicProvider"),
}
# ---------------------------------------------------------------------------------------


class PolicyApp(App[object]):  # App[object]: how Textual's own APIs take the running app
    TITLE = "policytui"
    # The first screen's styles load with the app's: a screen's own CSS_PATH makes Textual
    # parse every stylesheet again when the screen opens, which would delay the first paint.
    CSS_PATH = ["styles/app.tcss", "styles/browse.tcss"]
    MODES = MODES
    DEFAULT_MODE = "browse"
    COMMANDS = App.COMMANDS | PALETTE_PROVIDERS
    BINDINGS = [
        Binding("escape", "back", "返回", id="back"),
        *MODE_BINDINGS,
        Binding("f1,question_mark", "help", "帮助", id="help"),
        # letters typed into an input go to the input, so `q` quits only where none has focus
        Binding("q", "quit", "退出", id="quit", show=False),
        Binding("f2", "toggle_language", "English", id="language"),
        Binding("f4", "change_theme", "主题", id="theme", show=False),
    ]
    # -narrow or -short: too small to read a clause, screens show a notice instead (styles/app.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-medium"), (110, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (16, "-tall")]

    def __init__(
        self,
        data: Sequence[str] = (),
        as_of: date | None = None,
        lang: str | None = "zh",
        user_data: bool = True,
        library: Library | None = None,
        ahead: LoadAhead | None = None,
    ) -> None:
        """`lang` None: the language chosen last time (F2 remembers it, like the theme), else zh.
        `ahead`: the library's load, started before Textual was imported (else started here)."""
        super().__init__()
        self.data = list(data)
        self.as_of = as_of or date.today()
        settings = load_settings()
        lang = lang or settings.get("lang")
        self.lang = lang if lang in LANGS else "zh"
        self.user_data = user_data
        self.library: Library | None = library
        self._report_problems = library is None  # a library given by the caller is shown as it is
        self._mounted = False
        self._rules_to_read = False  # the library holds the texts only: see library_painted
        if library is None:
            from policytui.core.load_ahead import LoadAhead
            from policytui.core.locations import data_dirs

            ahead = ahead or LoadAhead(data_dirs(self.data, user=self.user_data))
            self.library = ahead.warm
        self._ahead = ahead
        remembered_breaks.load()
        self.selected_id: str | None = None  # the clause (or policy) last selected in browse
        self.mode_history: list[str] = []  # the screens Escape goes back to, the last one first
        self._going_back = False
        saved_theme = settings.get("theme")
        if saved_theme in self.available_themes:
            self.theme = saved_theme
        localize_bindings(self, self.lang)

    def run(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().run(*args, **kwargs)
        finally:
            remembered_breaks.save()

    def on_load(self) -> None:
        if self._ahead is None or self.library is not None:
            return
        if self._ahead.done():  # read while Textual was imported: the first screen shows it
            self._library_loaded(*self._ahead_result())
        else:
            self._wait_for_ahead()

    @work(thread=True, exclusive=True, group="load")
    def _wait_for_ahead(self) -> None:
        self.call_from_thread(self._library_loaded, *self._ahead_result())

    def _ahead_result(self) -> tuple[Library, bool]:
        """The library read ahead, and whether it holds the texts alone."""
        assert self._ahead is not None  # on_load asks only when there is one
        library = self._ahead.result()
        if self._ahead.texts_only:  # a screen asking for the rules before the full load reads them
            library.defer_rules((), self._read_rules)
        return library, self._ahead.texts_only

    def get_default_screen(self) -> Screen[Any]:
        return BROWSE()  # the DEFAULT_MODE's screen: see BROWSE

    def on_mount(self) -> None:
        self.add_mode("browse", BROWSE)  # the stack Textual made for DEFAULT_MODE is kept
        self.theme_changed_signal.subscribe(self, lambda theme: save_setting("theme", theme.name))
        self._mounted = True
        if self.library is not None:  # from the cache, given, or read already by the thread
            self._show_library(self.library)

    @work(thread=True, exclusive=True, group="load")
    def _load_whole_library(self) -> None:
        """After the texts: the whole library, which finds them in the cache."""
        self.call_from_thread(self._library_loaded, self._whole_library())

    def _whole_library(self) -> Library:
        from policytui.core.load_ahead import load
        from policytui.core.locations import data_dirs

        return load(data_dirs(self.data, user=self.user_data))

    def _read_rules(self) -> tuple[Rule, ...]:
        """The rules, read by the thread that asks for them before the full load is in."""
        return tuple(self._whole_library().rules.values())

    def _library_loaded(self, library: Library, texts_only: bool = False) -> None:
        self.library = library
        self._rules_to_read = texts_only
        if self._mounted:  # else on_mount shows it: the first screen may not be there yet
            self._show_library(library)

    def library_painted(self) -> None:
        """A screen has painted the library: if it holds the texts only, the rest is read now."""
        if self._rules_to_read:
            self._rules_to_read = False
            self._load_whole_library()

    def _show_library(self, library: Library) -> None:
        """Tell the user of the library's errors (once the whole of it is read), and the
        active screen that it is in."""
        errors = [p for p in library.problems if p.severity == "error"]
        if errors and self._report_problems and not self._rules_to_read:
            from policytui.render.problems import problem_text  # a large table, needed only here

            self.notify(
                t(
                    "app.data_problems",
                    self.lang,
                    count=len(errors),
                    first=problem_text(errors[0], self.lang),
                ),
                severity="warning",
                timeout=10,
                markup=False,
            )
        self.screen.post_message(LibraryReady())
        # Paused by cli.main while starting: the library is in and about to be shown.
        self.call_after_refresh(collector.resume)

    def open_clause(self, clause_id: str) -> None:
        """Switch to the browse screen and select `clause_id` (a policy id selects the policy)."""
        self.selected_id = clause_id
        self.switch_mode("browse")
        self.screen_stack[0].post_message(OpenClause(clause_id))

    def on_key(self, event: events.Key) -> None:
        # A printable key no widget used, typed while a screen was opening: that screen may
        # want it (the calculator's first input, after `a`).
        type_ahead = getattr(self.screen, "type_ahead", None)
        if type_ahead is not None and event.is_printable and event.character:
            type_ahead(event.character)

    def switch_mode(self, mode: str) -> AwaitMount:
        if mode != self.current_mode and not self._going_back:
            self.mode_history.append(self.current_mode)
        return super().switch_mode(mode)

    async def action_back(self) -> None:  # async as Textual's, which it replaces
        """Leave the focused input; else go back to the previous screen."""
        from textual.widgets import Input, TextArea

        if isinstance(self.focused, (Input, TextArea)):
            self.screen.set_focus(None)
        else:
            self.action_go_back()

    def action_go_back(self) -> None:
        """Back to the previous screen (the search screen's Escape: its input is the screen)."""
        while self.mode_history:
            mode = self.mode_history.pop()
            if mode != self.current_mode:
                self._going_back = True
                try:
                    self.switch_mode(mode)
                finally:
                    self._going_back = False
                return
        self.notify(t("app.no_back", self.lang))

    def action_help_quit(self) -> None:
        # Textual's own toast for Ctrl+C is in English
        self.notify(t("app.ctrl_c", self.lang))

    # Textual's own toasts for a saved screenshot are in English: these replace them.
    @on(events.DeliveryComplete)
    def _screenshot_saved(self, event: events.DeliveryComplete) -> None:
        if event.name == "screenshot":
            event.prevent_default()  # Textual's handler is on App, after this one
            where = str(event.path.resolve()) if event.path else ""
            self.notify(
                t("app.screenshot_saved", self.lang, path=where),
                title=t("system.screenshot", self.lang),
                markup=False,
            )  # the path is the user's, never markup

    @on(events.DeliveryFailed)
    def _screenshot_failed(self, event: events.DeliveryFailed) -> None:
        if event.name == "screenshot":
            event.prevent_default()
            self.notify(
                t("app.screenshot_failed", self.lang),
                title=t("system.screenshot", self.lang),
                severity="error",
            )

    def action_help(self) -> None:
        from policytui.tui.help.screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_toggle_language(self) -> None:
        self.lang = "en" if self.lang == "zh" else "zh"
        save_setting("lang", self.lang)
        localize_bindings(self, self.lang)
        self.screen.post_message(LanguageChanged())

    def _fatal_error(self) -> None:
        # Textual's hook for an unhandled exception prints a traceback with locals; a user
        # gets one line instead, and the report goes to a file. panic() is the public exit.
        # POLICYTUI_DEBUG=1 keeps Textual's own report.
        if os.environ.get("POLICYTUI_DEBUG"):
            return super()._fatal_error()
        from rich.text import Text

        from policytui.tui.crash import crash_summary, write_crash_report

        report = write_crash_report()
        self.panic(
            Text(
                t(
                    "app.crashed",
                    self.lang,
                    error=crash_summary(),
                    report=report or t("app.crash_not_saved", self.lang),
                )
            )
        )

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from policytui.tui.palette import LocalizedPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(LocalizedPalette())

    def search_themes(self) -> None:
        # Textual's theme picker, with its placeholder in the UI language
        from textual.theme import ThemeProvider

        from policytui.tui.palette import LocalizedPalette

        self.push_screen(LocalizedPalette([ThemeProvider], "palette.themes"))

    def get_system_commands(self, screen: Screen[Any]) -> Iterator[SystemCommand]:
        # Textual's own commands (Theme, Quit, Keys, Screenshot …) in the UI language; Keys
        # opens policytui's help, which lists the screen's keys in that language.
        lang = self.lang
        yield SystemCommand(t("system.theme", lang), t("system.theme_help", lang), self.action_change_theme)
        yield SystemCommand(t("system.quit", lang), t("system.quit_help", lang), self.action_quit)
        yield SystemCommand(t("system.keys", lang), t("system.keys_help", lang), self.action_help)
        if screen.maximized is not None:
            yield SystemCommand(
                t("system.minimize", lang), t("system.minimize_help", lang), screen.action_minimize
            )
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand(
                t("system.maximize", lang), t("system.maximize_help", lang), screen.action_maximize
            )
        yield SystemCommand(
            t("system.screenshot", lang),
            t("system.screenshot_help", lang),
            lambda: self.set_timer(0.1, self.deliver_screenshot),
        )
        yield SystemCommand(
            t("key.language", lang), t("app.language_help", lang), self.action_toggle_language
        )


def create_app(
    data: Sequence[str] = (),
    as_of: date | None = None,
    lang: str | None = "zh",
    user_data: bool = True,
    library: Library | None = None,
    ahead: LoadAhead | None = None,
) -> PolicyApp:
    return PolicyApp(data=data, as_of=as_of, lang=lang, user_data=user_data, library=library, ahead=ahead)
