"""the base's generation: one counter raised by every writing transaction, so readers (the API's
response cache, ETags) know whether anything changed without reading the records

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('base_state',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('generation', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint('id'))
    op.execute("INSERT INTO base_state (id, generation) VALUES (1, 0)")


def downgrade() -> None:
    op.drop_table('base_state')
