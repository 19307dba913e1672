"""Charts for the explainer, drawn with Plotly from the sourced datasets in charts/data/."""
