"""Every chart the site can show; a chart's id is its module name, its marker and its anchor."""

from .figures import (
    camera_density,
    democracy_index_comparison,
    detentions,
    election_trend,
    freedom_comparison,
    freedom_scores,
    freedom_trend_central_asia,
    january_2022_deaths,
    january_2022_map,
    kazakhstan_cameras,
    locator_map,
    mazhilis_2021,
    political_prisoners,
    trade_turnover,
)

# In the order the chapters place them.
CHARTS = {
    module.__name__.rpartition(".")[2]: module
    for module in (
        mazhilis_2021,
        election_trend,
        freedom_scores,
        freedom_comparison,
        democracy_index_comparison,
        freedom_trend_central_asia,
        detentions,
        january_2022_deaths,
        political_prisoners,
        camera_density,
        kazakhstan_cameras,
        trade_turnover,
        locator_map,
        january_2022_map,
    )
}
