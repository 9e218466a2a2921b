"""full-text search index over records and documents (FTS5 on SQLite, tsvector on PostgreSQL);
an index on the country set of records

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


RECORD_TABLES = ["entities", "events", "agreements", "projects", "metrics", "quotes"]


def upgrade() -> None:
    conn = op.get_bind()
    # Counting records per country set (the index of pairs) reads this index, not the records.
    for table in RECORD_TABLES:
        op.create_index(f'ix_{table}_countries', table, ['countries'], unique=False)
    if conn.dialect.name == "sqlite":
        # kind, record_id, pairs and year are stored, not tokenised: they are facets and keys.
        op.execute("CREATE VIRTUAL TABLE search_index USING fts5("
                   "kind UNINDEXED, record_id UNINDEXED, label, body, pairs UNINDEXED, year UNINDEXED, "
                   "tokenize = 'unicode61 remove_diacritics 2')")
    else:
        op.create_table('search_index',
                        sa.Column('id', sa.Integer(), primary_key=True),
                        sa.Column('kind', sa.String(length=16), nullable=False),
                        sa.Column('record_id', sa.String(length=512), nullable=False),
                        sa.Column('label', sa.Text(), nullable=True),
                        sa.Column('body', sa.Text(), nullable=True),
                        sa.Column('pairs', sa.Text(), nullable=True),
                        sa.Column('year', sa.String(length=4), nullable=True))
        op.execute("ALTER TABLE search_index ADD COLUMN tsv tsvector GENERATED ALWAYS AS ("
                   "setweight(to_tsvector('simple', coalesce(label, '')), 'A') || "
                   "setweight(to_tsvector('simple', coalesce(body, '')), 'B')) STORED")
        op.create_index('ix_search_index_record', 'search_index', ['kind', 'record_id'])
        op.execute("CREATE INDEX ix_search_index_tsv ON search_index USING GIN (tsv)")
    # Index what the base already holds, so search works at once after the upgrade.
    from sqlalchemy.orm import Session

    from dyad.store.search import rebuild_search_index

    session = Session(bind=conn)
    rebuild_search_index(session)
    session.flush()


def downgrade() -> None:
    op.execute("DROP TABLE search_index")
    for table in RECORD_TABLES:
        op.drop_index(f'ix_{table}_countries', table_name=table)
