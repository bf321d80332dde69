"""Private files: certificates and copies of data that only their owner may download.

They live in the storage named "private" in Django's STORAGES setting. By default
that is a folder outside the public media URL; a deployment points it at an
S3-compatible store (or any other Django storage) by configuration alone.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages

PRIVATE = "private"


class PrivateFileSystemStorage(FileSystemStorage):
    """Files never under the public media URL; views check who may have them.

    The folder is read from the settings on each use, so that a change of
    PRIVATE_MEDIA_ROOT (per test, per deployment) is followed.
    """

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


def private_storage():
    """The storage of private files; models name this callable as their storage."""
    return storages[PRIVATE]
