"""the archive: resolution blocks, record aliases, pending work, corrections that set or reject

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

RECORD_TABLES = ["entities", "events", "agreements", "projects", "metrics", "quotes"]


def upgrade() -> None:
    with op.batch_alter_table('mentions') as batch_op:
        batch_op.add_column(sa.Column('block', sa.String(length=256), nullable=True))
        batch_op.create_index('ix_mentions_block', ['block'], unique=False)
    for table in RECORD_TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column('block', sa.String(length=256), nullable=True))
            batch_op.add_column(sa.Column('link_key', sa.String(length=256), nullable=True))
            batch_op.add_column(sa.Column('first_seen', sa.String(length=32), nullable=True))
            batch_op.add_column(sa.Column('updated', sa.String(length=32), nullable=True))
            batch_op.create_index(f'ix_{table}_block', ['block'], unique=False)
            batch_op.create_index(f'ix_{table}_link_key', ['link_key'], unique=False)
            batch_op.create_index(f'ix_{table}_first_seen', ['first_seen'], unique=False)
            batch_op.create_index(f'ix_{table}_updated', ['updated'], unique=False)
    with op.batch_alter_table('evidence') as batch_op:
        batch_op.create_index('ix_evidence_mention_id', ['mention_id'], unique=False)
    with op.batch_alter_table('corrections') as batch_op:
        batch_op.add_column(sa.Column('record_id', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('field', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('value', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('note', sa.Text(), nullable=True))
    op.create_table('record_aliases',
                    sa.Column('old_id', sa.String(length=64), nullable=False),
                    sa.Column('kind', sa.String(length=16), nullable=False),
                    sa.Column('record_id', sa.String(length=64), nullable=False),
                    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
                    sa.PrimaryKeyConstraint('old_id'))
    op.create_index('ix_record_aliases_record_id', 'record_aliases', ['record_id'], unique=False)
    op.create_table('mention_keys',
                    sa.Column('mention_id', sa.Integer(), nullable=False),
                    sa.Column('key', sa.String(length=256), nullable=False),
                    sa.ForeignKeyConstraint(['mention_id'], ['mentions.id'], ondelete='CASCADE'),
                    sa.PrimaryKeyConstraint('mention_id', 'key'))
    op.create_index('ix_mention_keys_key', 'mention_keys', ['key'], unique=False)
    op.create_table('pending_blocks',
                    sa.Column('block', sa.String(length=256), nullable=False),
                    sa.PrimaryKeyConstraint('block'))
    # Records built by the old whole-base resolver carry no blocks: the next ingest or
    # `dyad resolve` rebuilds everything once (it says so).
    conn = op.get_bind()
    if conn.execute(sa.text("SELECT 1 FROM mentions LIMIT 1")).first():
        conn.execute(sa.text("INSERT INTO pending_blocks (block) VALUES ('*')"))


def downgrade() -> None:
    op.drop_table('pending_blocks')
    op.drop_index('ix_mention_keys_key', table_name='mention_keys')
    op.drop_table('mention_keys')
    op.drop_index('ix_record_aliases_record_id', table_name='record_aliases')
    op.drop_table('record_aliases')
    with op.batch_alter_table('corrections') as batch_op:
        for col in ('note', 'value', 'field', 'record_id'):
            batch_op.drop_column(col)
    with op.batch_alter_table('evidence') as batch_op:
        batch_op.drop_index('ix_evidence_mention_id')
    for table in RECORD_TABLES:
        with op.batch_alter_table(table) as batch_op:
            for ix in ('block', 'link_key', 'first_seen', 'updated'):
                batch_op.drop_index(f'ix_{table}_{ix}')
            for col in ('updated', 'first_seen', 'link_key', 'block'):
                batch_op.drop_column(col)
    with op.batch_alter_table('mentions') as batch_op:
        batch_op.drop_index('ix_mentions_block')
        batch_op.drop_column('block')
