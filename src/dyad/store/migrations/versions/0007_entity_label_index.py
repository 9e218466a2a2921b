"""an index on the entities' label: quotes find their speaker's person record by name, and without
it every lookup scanned all persons (once per new article, and once per 500 speakers in a full
resolution)

Revision ID: 0007
Revises: 0006
"""
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_entities_label', 'entities', ['label'])


def downgrade() -> None:
    op.drop_index('ix_entities_label', table_name='entities')
