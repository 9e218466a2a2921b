"""lookups that stay cheap as the base grows: SQLite's full-text rows keyed by a hash of (kind,
record id) so refreshing a record's row is a rowid lookup, not a scan of the index; evidence and
status-history indexes led by the record id, and no index on a mention's kind, so the planner
never prefers a scan of every row of one kind to the selective index (SQLite has no statistics
on a new base, and an equality on the leading column of an index looks selective to it)

Revision ID: 0005
Revises: 0004
"""
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


RECORD_INDEXES = {'evidence': 'ix_evidence_record', 'status_history': 'ix_history_record'}


def _record_indexes(columns: list[str]) -> None:
    """Recreate the record lookup index of evidence and status history on ``columns``."""
    for table, index in RECORD_INDEXES.items():
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_index(index)
            batch_op.create_index(index, columns, unique=False)


def upgrade() -> None:
    _record_indexes(['record_id', 'record_kind'])
    with op.batch_alter_table('mentions') as batch_op:
        batch_op.drop_index('ix_mentions_kind')
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return  # PostgreSQL's search_index has a (kind, record_id) index already
    from sqlalchemy.orm import Session

    from dyad.store.search import rebuild_search_index

    session = Session(bind=conn)
    rebuild_search_index(session)
    session.flush()


def downgrade() -> None:
    with op.batch_alter_table('mentions') as batch_op:
        batch_op.create_index('ix_mentions_kind', ['kind'], unique=False)
    _record_indexes(['record_kind', 'record_id'])
    # the hashed full-text rowids are valid rowids for the older code too
