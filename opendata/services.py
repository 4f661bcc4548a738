"""The nightly zip file of the whole public data set: built by Celery beat, the previous ones
deleted once the new one is saved."""

from __future__ import annotations

import io
import zipfile

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from .exports import DATASETS, as_csv, as_json
from .models import DataBundle

LICENSE_TEXT = """Roma Inclusion Working Group: open data
Built {built} from {site}.

These files are published under the {name}.
{url}

You may copy, share and adapt them for any purpose, also commercially, as long as you give
appropriate credit: name "{attribution}" as the source, link to the licence and say if you
changed anything.

Counts of people below 10 are written "fewer than 10" so that nobody can be identified.
Each JSON file describes its columns under "columns"; the CSV files have the same columns.
"""

KEEP = 2  # the newest files: a download under way when a new one lands still finishes


def bundle_build(*, base_url: str | None = None) -> DataBundle:
    base = (base_url or settings.SITE_URL).rstrip("/")
    buffer = io.BytesIO()
    contents = {}
    built = timezone.now()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, dataset in DATASETS.items():
            for suffix, write in (("csv", as_csv), ("json", as_json)):
                body, rows = write(dataset, base)
                archive.writestr(f"{name}.{suffix}", body)
                contents[f"{name}.{suffix}"] = rows
        license_ = settings.OPEN_DATA_LICENSE
        archive.writestr(
            "LICENSE.txt",
            LICENSE_TEXT.format(built=built.isoformat(timespec="seconds"), site=base, **license_),
        )
    data = buffer.getvalue()
    with transaction.atomic():
        bundle = DataBundle(size=len(data), contents=contents)
        bundle.file.save("roma-wg-open-data.zip", ContentFile(data), save=False)
        bundle.save()
    for old in DataBundle.objects.order_by("-built_at", "-id")[KEEP:]:
        old.file.delete(save=False)
        old.delete()
    return bundle


def latest_bundle() -> DataBundle | None:
    return DataBundle.objects.order_by("-built_at", "-id").first()
