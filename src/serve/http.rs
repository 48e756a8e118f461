//! HTTP side of `dossier serve` (being written).
