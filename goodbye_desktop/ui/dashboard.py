"""The Dashboard tab (`dashboard`): a year's figures against the goals, charts, drill-down.

The figures come from `correspondence.dashboard`, the same code as `goodbye-desktop
dashboard`, computed off the GUI thread on a reading connection of their own: the
figures on screen stay until the new ones arrive, so changing the year never freezes
the window. Clicking a figure, a bar or a table row lists the clients behind it; one of
them opens in the client list (`clientRequested`). Clicking a year's column in the
five-year chart picks that year. Each chart's numbers are its tooltip and accessible
description, for screen readers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QLocale, QSize, Qt, QThread, Signal
from PySide6.QtGui import QMouseEvent, QPalette
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from goodbye_desktop import clock
from goodbye_desktop.core.figures import pareto_count
from goodbye_desktop.ui import alerts
from goodbye_desktop.ui.daily_pass import DailyPass
from goodbye_desktop.ui.departure.common import label_for, tr
from goodbye_desktop.ui.error_text import error_text
from goodbye_desktop.ui.formatting import duration, money, short_date, tenure_from_months

# How many clients the pane keeps of the long lists (concentration, Pareto of effort).
SHOWN_CLIENTS = 50
DRILL_LIMIT = 500
FIGURE_COLUMNS = 4
# Charts are drawn 420 points wide and shown a tenth larger, so their 8-point labels read
# well on screen; two of them side by side still fit a 1024-pixel window.
CHART_WIDTH = 420
CHART_SCALE = 1.1


class _Computation(QThread):
    """One year's figures, computed on a reading connection of its own."""

    computed = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self, parent: QWidget, generation: int, year: int, path: Path,
                 report: bool = False, figures: Any = None) -> None:
        super().__init__(parent)
        self.generation, self.year, self.path, self.report = generation, year, path, report
        self.figures = figures  # the report's figures, when they are already on screen

    def run(self) -> None:
        from goodbye_desktop.correspondence.dashboard import dashboard
        from goodbye_desktop.correspondence.year_report import report_pdf
        from goodbye_desktop.errors import GoodbyeError
        from goodbye_desktop.store.dashboard import reading_connection

        try:
            conn = reading_connection(self.path)
        except Exception as exc:  # the file went away: say so, do not crash the thread
            self.failed.emit(self.generation, error_text(exc))
            return
        try:
            if self.report:
                result: Any = report_pdf(self.year, db=conn, figures=self.figures)
            else:
                result = dashboard(self.year, db=conn, limit=SHOWN_CLIENTS, daily=False)
        except (GoodbyeError, OSError, ValueError, LookupError) as exc:
            self.failed.emit(self.generation, error_text(exc))
        except Exception as exc:  # sqlite3 errors among them; the pane shows the reason
            self.failed.emit(self.generation, error_text(exc))
        else:
            self.computed.emit(self.generation, result)
        finally:
            conn.close()


class FigureButton(QToolButton):
    """One figure: its name, its value, its goal; a click lists the clients behind it."""

    def __init__(self, key: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"figure_{key}")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(64)
        self.name_label, self.value_label, self.note_label = (QLabel(self) for _ in range(3))
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.value_label.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(0)
        for label in (self.name_label, self.value_label, self.note_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
            # The button takes the clicks; the labels only show the words.
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        self.note_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

    def show_figure(self, label: str, value: str, note: str, clickable: bool) -> None:
        self.name_label.setText(label)
        self.value_label.setText(value)
        self.note_label.setText(note)
        self.setAccessibleName(f"{label}: {value}" + (f", {note}" if note else ""))
        self.setCursor(Qt.CursorShape.PointingHandCursor if clickable
                       else Qt.CursorShape.ArrowCursor)
        self.setProperty("clickable", clickable)
        self.setToolTip(tr("Click to list the clients behind this figure.") if clickable
                        else "")


class ChartView(QSvgWidget):
    """A chart drawn from its SVG; a click picks the bar (or the year's column) under it."""

    rowClicked = Signal(str, int)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.key = ""
        self.rows = 0
        self.size_pt = QSize(360, 100)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def show_chart(self, key: str, svg: bytes, width: float, height: float, rows: int,
                   title: str, text: str) -> None:
        self.key, self.rows = key, rows
        self.size_pt = QSize(round(width * CHART_SCALE), round(height * CHART_SCALE))
        self.setObjectName(f"chart_{key}")
        self.load(QByteArray(svg))
        self.setFixedSize(self.size_pt)
        self.setAccessibleName(title)
        self.setAccessibleDescription(text)
        self.setToolTip(text)

    def row_at(self, x: float, y: float) -> int | None:
        """The row (bar, or the year's column) at a point of the widget; None between."""
        if self.rows <= 0:
            return None
        if self.key == "history":
            slot = self.width() / self.rows
            return min(int(x // slot), self.rows - 1)
        # Bars across: a 22-point title band, then a row every 16 points (see charts.bars).
        index = int((y / CHART_SCALE - 22) // 16)
        return index if 0 <= index < self.rows else None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        row = self.row_at(event.position().x(), event.position().y())
        if row is not None and event.button() == Qt.MouseButton.LeftButton:
            self.rowClicked.emit(self.key, row)
        super().mouseReleaseEvent(event)


class DashboardPane(QWidget):
    """The year's figures, against the goals, with charts and the clients behind them."""

    clientRequested = Signal(int)
    computedYear = Signal(int)  # the figures of that year are on screen

    def __init__(self, db_path: Path, parent: QWidget | None = None,
                 daily_pass: DailyPass | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        # The day's pass over the warning signs (shared with the At-risk page): it runs
        # while the pane is shown, and its end brings "At risk today" up to date.
        self.daily_pass = daily_pass if daily_pass is not None else DailyPass(self)
        self.daily_pass.finished.connect(self._day_worked_out)
        self.db_path = Path(db_path)
        self.figures: Any = None  # the Dashboard on screen
        self._generation = 0
        self._jobs: list[_Computation] = []
        self._charts: dict[str, Any] = {}
        self._drill: list[tuple[int, str]] = []

        self.year = QComboBox(self)
        self.year.setObjectName("dashboardYear")
        self.year.setAccessibleName(tr("Year of the figures"))
        year_label = QLabel(tr("&Year:"), self)
        year_label.setBuddy(self.year)
        self.status = QLabel(self)
        self.status.setObjectName("dashboardStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.review_button = QPushButton(tr("Year in &review…"), self)
        self.review_button.setObjectName("yearReviewButton")
        self.review_button.setToolTip(tr("Preview, print or save the year in review as a PDF."))
        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addWidget(self.status, 1)
        top.addWidget(self.review_button)

        self.sentence = QLabel(self)
        self.sentence.setObjectName("dashboardSentence")
        self.sentence.setTextFormat(Qt.TextFormat.PlainText)
        self.sentence.setWordWrap(True)
        self.figure_grid = QGridLayout()
        self.figure_grid.setSpacing(6)
        self.buttons: dict[str, FigureButton] = {}
        self.chart_grid = QGridLayout()
        self.chart_grid.setSpacing(12)
        self.chart_views: list[ChartView] = []

        self.drill_box = QGroupBox(tr("Clients behind the figure"), self)
        self.drill_box.setObjectName("drillDown")
        self.drill_title = QLabel(self.drill_box)
        self.drill_title.setTextFormat(Qt.TextFormat.PlainText)
        self.drill_title.setWordWrap(True)
        self.drill_list = QListWidget(self.drill_box)
        self.drill_list.setObjectName("drillDownList")
        self.drill_list.setAccessibleName(tr("Clients behind the figure"))
        self.drill_list.setMaximumHeight(160)
        list_label = QLabel(tr("C&lients:"), self.drill_box)
        list_label.setBuddy(self.drill_list)
        self.open_button = QPushButton(tr("&Open in the client list"), self.drill_box)
        self.open_button.setObjectName("openDrilledClient")
        drill = QVBoxLayout(self.drill_box)
        drill.addWidget(self.drill_title)
        drill.addWidget(list_label)
        drill.addWidget(self.drill_list)
        drill.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.drill_box.hide()

        body = QWidget(self)
        body.setObjectName("dashboardBody")
        inner = QVBoxLayout(body)
        inner.addWidget(self.sentence)
        inner.addLayout(self.figure_grid)
        inner.addWidget(self.drill_box)
        inner.addLayout(self.chart_grid)
        inner.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scroll, 1)

        self.fill_years()
        self.year.currentIndexChanged.connect(self._year_changed)
        self.drill_list.itemActivated.connect(self._open_item)
        self.open_button.clicked.connect(self.open_selected)
        self.review_button.clicked.connect(self.year_in_review)

    # --- the year and the computation -----------------------------------------------------

    def fill_years(self) -> None:
        """Every year from the first client's start to this one, newest first."""
        from goodbye_desktop.store.dashboard import Reader

        this_year = clock.today().year
        first = min(Reader().first_year() or this_year, this_year)
        chosen = self.selected_year()
        self.year.blockSignals(True)
        self.year.clear()
        for y in range(this_year, first - 1, -1):
            self.year.addItem(str(y), y)
        index = self.year.findData(chosen if chosen else this_year)
        self.year.setCurrentIndex(max(index, 0))
        self.year.blockSignals(False)

    def selected_year(self) -> int | None:
        value = self.year.currentData()
        return int(value) if value is not None else None

    def set_year(self, year: int) -> None:
        index = self.year.findData(year)
        if index >= 0:
            self.year.setCurrentIndex(index)

    def refresh(self) -> None:
        """Compute the selected year's figures again (off the GUI thread)."""
        year = self.selected_year() or clock.today().year
        if self.isVisible():
            self.daily_pass.resume()
        self._generation += 1
        self.status.setText(tr("Working out the figures for %1…").replace("%1", str(year)))
        job = _Computation(self, self._generation, year, self.db_path)
        job.computed.connect(self._computed)
        job.failed.connect(self._failed)
        job.finished.connect(self._job_finished)
        self._jobs.append(job)
        job.start()

    def is_computing(self) -> bool:
        return any(job.isRunning() for job in self._jobs)

    def shutdown(self) -> None:
        """Wait for the computations still running (before the database closes)."""
        for job in list(self._jobs):
            job.wait()

    def _job_finished(self) -> None:
        job = self.sender()
        if job in self._jobs:
            self._jobs.remove(job)
            job.deleteLater()

    def _year_changed(self, _index: int) -> None:
        self.refresh()

    def _computed(self, generation: int, figures: Any) -> None:
        if generation != self._generation:
            return  # an older year's figures, overtaken by the owner's latest choice
        from goodbye_desktop.correspondence.dashboard import with_daily
        from goodbye_desktop.errors import GoodbyeError

        try:
            # Kept on the shared connection: read here, on the GUI thread (a quick read
            # once the At-risk list has worked the day out).
            figures = with_daily(figures, first=DRILL_LIMIT)
        except GoodbyeError as exc:
            self.status.setText(error_text(exc))
        self.figures = figures
        self.status.setText("")
        self._show(figures)
        self.computedYear.emit(figures.year)

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.status.setText(tr("The figures could not be worked out: %1").replace(
                "%1", message))

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Records may have changed on the other tabs: read them again on each visit.
        super().showEvent(event)
        self.fill_years()
        self.refresh()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.daily_pass.pause()
        super().hideEvent(event)

    def _day_worked_out(self) -> None:
        """Today's signs are all worked out: the at-risk figures again, the year's kept."""
        if self.figures is None or not self.isVisible():
            return  # the next visit reads them
        from goodbye_desktop.correspondence.dashboard import with_daily
        from goodbye_desktop.errors import GoodbyeError

        try:
            self.figures = with_daily(self.figures, first=DRILL_LIMIT)
        except GoodbyeError as exc:
            self.status.setText(error_text(exc))
            return
        self._show(self.figures)

    # --- showing the figures --------------------------------------------------------------

    def _percent(self, value: float | None) -> str:
        if value is None:
            return "–"
        return QLocale().toString(100 * value, "f", 1) + "\u202f%"

    def _money(self, cents: int | None) -> str:
        return "–" if cents is None else money(cents, self._currency())

    def _currency(self) -> str:
        from goodbye_desktop.store.dashboard import Reader

        return Reader().profile().get("currency") or ""

    def _goal_note(self, value: float | int | None, goal: float | int, text: str) -> str:
        if value is None:
            return text
        return f"{text} · " + (tr("goal met") if value >= goal else tr("below the goal"))

    def _risk_note(self, d: Any) -> str:
        """Said while the At-risk list's daily pass has not reached every client yet."""
        from goodbye_desktop.store.at_risk import is_current

        return "" if is_current(d.today) else tr("today's check is still running")

    def sentence_for(self, d: Any) -> str:
        """The plain sentence for a dashboard with little or nothing to show ("" if none)."""
        c = d.counts
        if d.clients_in_file == 0:
            return tr("There are no clients yet, so there are no figures to show. Add your "
                      "first client, or load the sample data, and they will appear here.")
        if not (c.active_start or c.active_end or c.gained or c.lost):
            return tr("No client was active in %1. Pick a later year to see its figures."
                      ).replace("%1", str(d.year))
        if d.clients_in_file == 1:
            return tr("With a single client, all of your revenue comes from it: the "
                      "concentration and effort figures will say more once there are others.")
        if c.active_start == 0:
            return tr("No client was active on 1 January %1, so churn and retention have "
                      "nothing to be measured against.").replace("%1", str(d.year))
        return ""

    def figure_rows(self, d: Any) -> list[tuple[str, str, str, str]]:
        """(key, label, value, note) for every figure card, in reading order."""
        c, dep, conc, p, pr, prev = (d.counts, d.departures, d.concentration, d.pareto,
                                     d.proposals, d.previous_proposals)
        end_label = (tr("Active today") if d.as_of == d.today
                     else tr("Active on %1").replace("%1", short_date(d.as_of)))
        no_base = tr("no clients on 1 January") if c.active_start == 0 else ""
        retention_goal = tr("goal %1").replace("%1", self._percent(d.retention_goal))
        reactivation_goal = tr("goal %1").replace("%1", str(d.reactivation_goal))
        last_year = str(d.year - 1)
        months = ("–" if d.median_months_away is None
                  else tr("%1 months").replace("%1", QLocale().toString(d.median_months_away,
                                                                        "f", 1)))
        tenure = ("–" if dep.median_tenure_months is None
                  else tenure_from_months(dep.median_tenure_months))
        return [
            ("active_start", tr("Active on 1 January"), str(c.active_start), ""),
            ("active_end", end_label, str(c.active_end), ""),
            ("gained", tr("Gained"), str(c.gained), ""),
            ("lost", tr("Lost"), str(c.lost), tr("net %1").replace("%1", f"{c.net:+d}")),
            ("logo_churn", tr("Logo churn"), self._percent(c.logo_churn), no_base),
            ("retention", tr("Retention"), self._percent(c.retention),
             self._goal_note(c.retention, d.retention_goal, retention_goal)),
            ("reactivated", tr("Won back"), str(d.reactivated),
             self._goal_note(d.reactivated, d.reactivation_goal, reactivation_goal)),
            ("months_away", tr("Median time away"), months, ""),
            ("revenue_lost", tr("Revenue lost"), self._money(dep.revenue_lost_cents),
             tr("12 months before each last day")),
            ("avoidable", tr("Avoidable / unavoidable"),
             f"{dep.avoidable} / {dep.unavoidable}", ""),
            ("tenure", tr("Median tenure of those who left"), tenure, ""),
            ("at_risk", tr("At risk today"), str(d.at_risk_count), self._risk_note(d)),
            ("top1", tr("Top client's share"), self._percent(conc.top1_share),
             tr("top 3: %1").replace("%1", self._percent(conc.top3_share))),
            ("hhi", tr("Concentration (HHI)"), "–" if conc.hhi is None
             else QLocale().toString(conc.hhi),
             (tr("highly concentrated") if conc.highly_concentrated else tr("over 2,500 is high"))
             if conc.hhi is not None else ""),
            ("pareto", tr("Time on the top 20 %"), self._percent(p.top_share),
             tr("%1 of %2 clients").replace("%1", str(pareto_count(p.clients_with_minutes)))
             .replace("%2", str(p.clients_with_minutes))),
            ("proposals", tr("Proposals sent / won / lost"), f"{pr.sent} / {pr.won} / {pr.lost}",
             tr("%1: %2").replace("%1", last_year).replace(
                 "%2", f"{prev.sent} / {prev.won} / {prev.lost}")),
            ("win_rate", tr("Win rate"), self._percent(pr.win_rate),
             tr("%1: %2").replace("%1", last_year).replace("%2", self._percent(prev.win_rate))),
            ("new_client_amount", tr("Average won, new clients"),
             self._money(pr.avg_new_client_cents),
             tr("%1: %2").replace("%1", last_year).replace(
                 "%2", self._money(prev.avg_new_client_cents))),
            ("promises", tr("Promises overdue / due today"),
             f"{d.promises.get('overdue', 0)} / {d.promises.get('due_today', 0)}",
             tr("%1 in the next 7 days").replace("%1", str(d.promises.get("next_7_days", 0)))),
        ]

    def _show(self, d: Any) -> None:
        sentence = self.sentence_for(d)
        self.sentence.setText(sentence)
        self.sentence.setVisible(bool(sentence))
        nothing = d.clients_in_file == 0 or not (d.counts.active_start or d.counts.active_end
                                                  or d.counts.gained or d.counts.lost)
        for i, (key, label, value, note) in enumerate(self.figure_rows(d)):
            button = self.buttons.get(key)
            if button is None:
                button = self.buttons[key] = FigureButton(key, self)
                button.clicked.connect(self._figure_clicked)
                self.figure_grid.addWidget(button, i // FIGURE_COLUMNS, i % FIGURE_COLUMNS)
            button.show_figure(label, value, note, self._has_clients(d, key))
            button.setVisible(not nothing)
        self._show_charts(d, visible=not nothing)
        self.drill_box.hide()

    def chart_words(self) -> Any:
        from goodbye_desktop.correspondence.dashboard import ChartWords

        titles = {"history": tr("Clients gained and lost, five years"),
                  "reasons": tr("Reasons for leaving"),
                  "kinds": tr("Kinds of departing client"), "ended_by": tr("Who ended it"),
                  "concentration": tr("Top clients' share of revenue (12 months)"),
                  "pareto": tr("Top clients by time spent (12 months)")}
        return ChartWords(titles=titles, gained=tr("Gained"), lost=tr("Lost"), year=tr("Year"),
                          count=tr("Departures"), share_head=tr("Share"),
                          minutes_head=tr("Time spent"), code=label_for, percent=self._percent,
                          minutes=self._minutes)

    def _minutes(self, value: int) -> str:
        return duration(value)  # as the client's page writes time spent: "91 h 55 min"

    def _show_charts(self, d: Any, visible: bool) -> None:
        from goodbye_desktop.correspondence.dashboard import charts_for
        from goodbye_desktop.documents import charts

        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        made = charts_for(d, self.chart_words(), scheme=charts.DARK if dark else charts.LIGHT,
                          width=CHART_WIDTH)
        self._charts = {c.key: c for c in made}
        while len(self.chart_views) < len(made):
            view = ChartView(self)
            view.rowClicked.connect(self._chart_clicked)
            n = len(self.chart_views)
            self.chart_grid.addWidget(view, n // 2, n % 2,
                                      Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            self.chart_views.append(view)
        for view, item in zip(self.chart_views, made, strict=False):
            drawing = item.chart.drawing
            view.show_chart(item.key, charts.svg(item.chart), drawing.width, drawing.height,
                            len(item.chart.rows), item.chart.title,
                            item.chart.text_alternative())
            view.setVisible(visible)
        for view in self.chart_views[len(made):]:
            view.hide()

    # --- the drill-down -------------------------------------------------------------------

    @staticmethod
    def _has_clients(d: Any, key: str) -> bool:
        """Whether a figure has clients behind it, from the counts alone (no query)."""
        c = d.counts
        return bool({
            "active_start": c.active_start, "active_end": c.active_end, "gained": c.gained,
            "lost": d.lost, "logo_churn": d.lost, "retention": d.lost,
            "revenue_lost": d.lost, "tenure": d.lost, "avoidable": d.lost,
            "reactivated": d.returns, "months_away": d.returns,
            "top1": d.concentration.rows, "hhi": d.concentration.rows,
            "pareto": d.pareto.clients, "at_risk": d.at_risk,
        }.get(key))

    def clients_for(self, key: str) -> list[tuple[int, str]]:
        """The clients behind a figure (the first DRILL_LIMIT); [] when there are none."""
        d = self.figures
        if d is None:
            return []
        from goodbye_desktop.store.dashboard import Reader

        c = d.counts
        if key == "active_start":
            return Reader().active_clients(c.start, DRILL_LIMIT) if c.active_start else []
        if key == "active_end":
            return Reader().active_clients(c.end, DRILL_LIMIT) if c.active_end else []
        if key == "gained":
            return Reader().gained_clients(c.start, c.end)[:DRILL_LIMIT] if c.gained else []
        if key in ("lost", "logo_churn", "retention", "revenue_lost", "tenure", "avoidable"):
            return _unique((x.client_id, x.name) for x in d.lost)
        if key in ("reactivated", "months_away"):
            return _unique((r.client_id, r.name) for r in d.returns)
        if key in ("top1", "hhi"):
            return [(i, name) for i, name, _ in d.concentration.rows]
        if key == "pareto":
            return [(row.id, row.name) for row in d.pareto.clients]
        if key == "at_risk":
            return [(a.id, a.name) for a in d.at_risk][:DRILL_LIMIT]
        return []

    def show_clients(self, title: str, clients: list[tuple[int, str]]) -> None:
        self._drill = clients
        self.drill_title.setText(title)
        self.drill_list.clear()
        for client_id, name in clients:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, client_id)
            self.drill_list.addItem(item)
        if clients:
            self.drill_list.setCurrentRow(0)
        else:
            self.drill_list.addItem(tr("No client is behind this figure."))
        self.open_button.setEnabled(bool(clients))
        self.drill_box.show()
        self.scroll.ensureWidgetVisible(self.drill_box)

    def drill_down(self, key: str) -> None:
        """List the clients behind the figure `key` (as a click on it does)."""
        button = self.buttons.get(key)
        title = button.accessibleName() if button else key
        self.show_clients(title, self.clients_for(key))

    def _figure_clicked(self) -> None:
        self.drill_down(self.sender().key)

    def _chart_clicked(self, key: str, row: int) -> None:
        item = self._charts.get(key)
        if item is None or row >= len(item.chart.rows):
            return
        if key == "history":
            self.set_year(int(item.chart.rows[row][0]))
            return
        label = ", ".join(item.chart.rows[row])
        self.show_clients(f"{item.chart.title}: {label}", item.clients[row])

    def _open_item(self, item: QListWidgetItem) -> None:
        client_id = item.data(Qt.ItemDataRole.UserRole)
        if client_id is not None:
            self.clientRequested.emit(int(client_id))

    def open_selected(self) -> None:
        item = self.drill_list.currentItem()
        if item is not None:
            self._open_item(item)

    # --- the year in review ---------------------------------------------------------------

    def year_in_review(self) -> None:
        year = self.selected_year() or clock.today().year
        self.status.setText(tr("Writing the year in review…"))
        self.review_button.setEnabled(False)
        shown = self.figures if self.figures is not None and self.figures.year == year else None
        job = _Computation(self, -1, year, self.db_path, report=True, figures=shown)
        job.computed.connect(self._report_ready)
        job.failed.connect(self._report_failed)
        job.finished.connect(self._job_finished)
        self._jobs.append(job)
        job.start()

    def _report_ready(self, _generation: int, result: Any) -> None:
        from goodbye_desktop.ui.dashboard_report import ReportPreviewDialog

        self.review_button.setEnabled(True)
        self.status.setText("")
        pdf, figures = result
        ReportPreviewDialog.show_report(self, pdf, figures.year)

    def _report_failed(self, _generation: int, message: str) -> None:
        self.review_button.setEnabled(True)
        self.status.setText("")
        alerts.error(self, tr("The year in review could not be written: %1").replace(
            "%1", message))


def _unique(pairs) -> list[tuple[int, str]]:
    seen, out = set(), []
    for client_id, name in pairs:
        if client_id not in seen:
            seen.add(client_id)
            out.append((client_id, name))
    return out[:DRILL_LIMIT]
