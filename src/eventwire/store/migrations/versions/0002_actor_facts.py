"""Actor facts: the user's edits, the registry learned from articles, imported knowledge bases.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 05:03:01.612593
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "actor_facts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("origin", sa.String(length=10), nullable=False),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("sector", sa.String(length=8), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("start", sa.String(length=10), nullable=True),
        sa.Column("end", sa.String(length=10), nullable=True),
        sa.Column("first_seen", sa.String(length=10), nullable=True),
        sa.Column("last_seen", sa.String(length=10), nullable=True),
        sa.Column("seen", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actor_facts")),
    )
    with op.batch_alter_table("actor_facts", schema=None) as batch_op:
        batch_op.create_index("ix_actor_facts_key_origin", ["key", "origin"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("actor_facts", schema=None) as batch_op:
        batch_op.drop_index("ix_actor_facts_key_origin")

    op.drop_table("actor_facts")
