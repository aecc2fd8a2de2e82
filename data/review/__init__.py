"""Local review: the records and their merge rules (merge), the database (storage), the review file (file_format)."""
from .merge import (ALL, ATTENTION, FLAGGED, FOLLOW_UP, IN_REVIEW, NEEDS_FOLLOW_UP, NOT_REVIEWED, REVIEWED,
                    STATUS_COLOURS, STATUSES, DepartmentProgress, ExchangeSummary, Note, NoteVersion, Progress,
                    ReviewState, TaskReview, made_on)
from .storage import ReviewStore

__all__ = ["ALL", "ATTENTION", "FLAGGED", "FOLLOW_UP", "IN_REVIEW", "NEEDS_FOLLOW_UP", "NOT_REVIEWED", "REVIEWED",
           "STATUS_COLOURS", "STATUSES", "DepartmentProgress", "ExchangeSummary", "Note", "NoteVersion", "Progress",
           "ReviewState", "TaskReview", "ReviewStore", "made_on"]
