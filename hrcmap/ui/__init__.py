"""Streamlit glue, the only package besides ``hrcmap.cache`` that imports streamlit.

``chrome`` (the dataset guard, safe text, the sources footer), ``binding`` (the view state ⇄
widgets ⇄ URL), ``blocks`` (a chart with its numbers, sources and downloads), ``share`` (links
to a view, the embed snippet, presentation mode).
"""
