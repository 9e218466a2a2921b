"""SQLAlchemy 2.0 models.

Two layers: what each article says (``documents`` and their ``mentions``, one row per
extracted fact with its character span) and the resolved knowledge base built from all
mentions (``entities``, ``events``, ``agreements``, ``projects``, ``metrics``,
``quotes``), each record linked to its mentions through ``evidence``. Keeping the raw
mentions is what makes resolution re-runnable, order-free and correctable by hand.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def _now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(512), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(32))
    source: Mapped[str | None] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    chars: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    origin: Mapped[str | None] = mapped_column(Text)  # path or URL it was read from
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)

    mentions: Mapped[list[Mention]] = relationship(back_populates="document", cascade="all, delete-orphan")


class Mention(Base):
    """One fact as one document states it, before resolution."""

    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # no index: six values, it would only mislead the planner
    # Stable across databases and re-ingests: derived from the text hash and the span.
    key: Mapped[str] = mapped_column(String(128), unique=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    # The resolution block: mentions of different blocks never denote one record, so a new
    # article re-resolves only the blocks its mentions fall in (see resolve/blocks.py).
    block: Mapped[str | None] = mapped_column(String(256), index=True)

    document: Mapped[Document] = relationship(back_populates="mentions")


class _Record:
    """Columns shared by resolved records; ``data`` holds the facts-v1 fields."""

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    label: Mapped[str | None] = mapped_column(Text)  # name or title, for search and display
    subtype: Mapped[str | None] = mapped_column(String(32), index=True)
    # "|AZE|KAZ|": lets SQLite and PostgreSQL filter by country with LIKE.
    countries: Mapped[str] = mapped_column(String(256), default="", index=True)
    date_start: Mapped[str | None] = mapped_column(String(32))
    date_end: Mapped[str | None] = mapped_column(String(32))
    confidence: Mapped[float | None] = mapped_column(Float)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    # Resolution bookkeeping: the block the record was built in; the key of what it links to
    # (a quote's speaker, an agreement's signing event) so a change there refreshes it.
    block: Mapped[str | None] = mapped_column(String(256), index=True)
    link_key: Mapped[str | None] = mapped_column(String(256), index=True)
    # ISO timestamps: when the base first held the record (its earliest document's ingest)
    # and when resolution last changed it.
    first_seen: Mapped[str | None] = mapped_column(String(32), index=True)
    updated: Mapped[str | None] = mapped_column(String(32), index=True)


class Entity(_Record, Base):
    __tablename__ = "entities"
    __table_args__ = (Index("ix_entities_date_order", "date_start", "id"), Index("ix_entities_label", "label"))


class Event(_Record, Base):
    __tablename__ = "events"
    __table_args__ = (Index("ix_events_date_order", "date_start", "id"),)


class Agreement(_Record, Base):
    __tablename__ = "agreements"
    __table_args__ = (Index("ix_agreements_date_order", "date_start", "id"),)


class Project(_Record, Base):
    __tablename__ = "projects"
    __table_args__ = (Index("ix_projects_date_order", "date_start", "id"),)


class Metric(_Record, Base):
    __tablename__ = "metrics"
    __table_args__ = (Index("ix_metrics_date_order", "date_start", "id"),)


class Quote(_Record, Base):
    __tablename__ = "quotes"
    __table_args__ = (Index("ix_quotes_date_order", "date_start", "id"),)


RECORD_MODELS: dict[str, type[_Record]] = {
    "entity": Entity,
    "event": Event,
    "agreement": Agreement,
    "project": Project,
    "metric": Metric,
    "quote": Quote,
}


class MentionKey(Base):
    """The blocking keys of a mention (resolve/blocks.py): mentions sharing a key, directly or
    through others, form one resolution unit."""

    __tablename__ = "mention_keys"

    mention_id: Mapped[int] = mapped_column(ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(String(256), primary_key=True, index=True)


class Evidence(Base):
    """Links a resolved record to the mentions that support it."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_kind: Mapped[str] = mapped_column(String(16))
    record_id: Mapped[str] = mapped_column(String(64))
    mention_id: Mapped[int] = mapped_column(ForeignKey("mentions.id", ondelete="CASCADE"), index=True)

    __table_args__ = (Index("ix_evidence_record", "record_id", "record_kind"),)


class StatusHistory(Base):
    """The dated sequence of statuses the sources report for an event or project."""

    __tablename__ = "status_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_kind: Mapped[str] = mapped_column(String(16))
    record_id: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(32))
    reported: Mapped[str | None] = mapped_column(String(32))  # publication date of the source
    mention_id: Mapped[int] = mapped_column(ForeignKey("mentions.id", ondelete="CASCADE"))

    __table_args__ = (Index("ix_history_record", "record_id", "record_kind"),)


class Correction(Base):
    """An analyst's correction, keyed by mention keys so it survives re-ingestion:
    merge two records, split one, set a field of one, or reject one."""

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action: Mapped[str] = mapped_column(String(8))  # "merge" | "split" | "set" | "reject"
    kind: Mapped[str] = mapped_column(String(16))
    keys_a: Mapped[list[Any]] = mapped_column(JSON)
    keys_b: Mapped[list[Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    record_id: Mapped[str | None] = mapped_column(String(64))  # the id when it was made, for the audit
    field: Mapped[str | None] = mapped_column(String(64))  # "set": which field
    value: Mapped[Any | None] = mapped_column(JSON)  # "set": the analyst's value
    note: Mapped[str | None] = mapped_column(Text)


class RecordAlias(Base):
    """An id a record had before (an earlier report joined it, a merge, a split): it keeps
    answering, by redirect to the record that now holds its mentions."""

    __tablename__ = "record_aliases"

    old_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    record_id: Mapped[str] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class PendingBlock(Base):
    """Resolution work recorded but not yet done ("*": everything). Normally documents and
    their resolution commit together and this stays empty; a base upgraded from an older
    schema, or an ingest run with resolution deferred, leaves rows that the next
    ``dyad ingest`` or ``dyad resolve`` finishes."""

    __tablename__ = "pending_blocks"

    block: Mapped[str] = mapped_column(String(256), primary_key=True)


class BaseState(Base):
    """One row: the base's generation, raised by every writing transaction (``lock_for_writing``).
    Readers compare it to know whether anything changed since they last looked (response caches,
    ETags) without reading the records."""

    __tablename__ = "base_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    generation: Mapped[int] = mapped_column(Integer, default=0)
