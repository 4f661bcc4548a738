from __future__ import annotations

# Models arrive with their own feature; the app exists so the layout is in place.
