"""Declarative rule packs (TOML). Installed as ``newslint.packs`` so the wheel carries them."""
