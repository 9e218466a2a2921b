"""record lists sort by date: (date_start, id) indexes, so a page and its total come from the index

Revision ID: 0004
Revises: 0003
"""
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

RECORD_TABLES = ["entities", "events", "agreements", "projects", "metrics", "quotes"]


def upgrade() -> None:
    for table in RECORD_TABLES:
        op.create_index(f'ix_{table}_date_order', table, ['date_start', 'id'], unique=False)


def downgrade() -> None:
    for table in RECORD_TABLES:
        op.drop_index(f'ix_{table}_date_order', table_name=table)
