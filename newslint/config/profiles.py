"""Choosing the genre profile for one file, and saying why (for ``--verbose``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newslint.config.detection import detect_profile
from newslint.config.settings import DEFAULT_PROFILE, ConfigError, Settings, unknown_profile
from newslint.documents.model import Document

FRONT_MATTER_KEY = "newslint-profile"


@dataclass(frozen=True)
class ProfileChoice:
    name: str
    reason: str


def choose_profile(
    settings: Settings, path: Path | None, document: Document, forced: str | None = None
) -> ProfileChoice:
    """``--profile`` (``forced``), then front matter, then ``per-file-profiles`` (the first
    matching glob), then the config's ``profile``, then detection, then news.

    ConfigError, naming the config or the file, when ``--profile`` or the front matter
    names a profile that does not exist.
    """
    if forced is not None:
        return _forced(settings, forced)
    named = document.front_matter.get(FRONT_MATTER_KEY)
    if named is not None:
        choice = ProfileChoice(named, "front matter")
        return _known(settings, choice, document.path, FRONT_MATTER_KEY)
    globs = settings.matching_globs(path, settings.per_file_profiles)
    if globs:
        reason = f'per-file-profiles "{globs[0]}" in {settings.glob_label(globs[0])}'
        return ProfileChoice(settings.per_file_profiles[globs[0]], reason)
    if settings.profile is not None:
        return ProfileChoice(settings.profile, "config")
    detected = detect_profile(document)
    if detected is not None:
        return ProfileChoice(detected.profile, f"detected: {detected.evidence}")
    return ProfileChoice(DEFAULT_PROFILE, "default")


def _forced(settings: Settings, name: str) -> ProfileChoice:
    """``--profile``: an unknown name is blamed on the option; the message names the
    config whose own profiles were searched too."""
    if name not in settings.profile_names:
        searched = f" (built in, or in {settings.path})" if settings.path else ""
        message = unknown_profile(name, settings.profile_names) + searched
        raise ConfigError("--profile", "", message)
    return ProfileChoice(name, "--profile")


def _known(settings: Settings, choice: ProfileChoice, where: str, key: str) -> ProfileChoice:
    if choice.name not in settings.profile_names:
        raise ConfigError(where, key, unknown_profile(choice.name, settings.profile_names))
    return choice
