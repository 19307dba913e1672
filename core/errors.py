"""The one kind of build error: bad content or data, reported as one line naming where it is."""

from __future__ import annotations


def one_line(error: BaseException) -> str:
    """Another program's error (a browser's, a library's) as one short line: its message, else its type's name."""
    return " ".join(str(error).split())[:300] or type(error).__name__


class BuildError(Exception):
    """Content or data the build cannot use; `file`, `line`, `column` and `marker` say where."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: str | None = None,
        marker: str | None = None,
    ):
        self.message, self.file, self.line, self.column, self.marker = message, file, line, column, marker
        super().__init__(str(self))

    def __str__(self) -> str:
        where = [
            part
            for part in (
                self.file,
                f"line {self.line}" if self.line is not None else None,
                f"column '{self.column}'" if self.column is not None else None,
                f"marker {self.marker!r}" if self.marker is not None else None,
            )
            if part
        ]
        return f"{', '.join(where)}: {self.message}" if where else self.message


class DataError(BuildError):
    """A dataset, its metadata or a raw input the build cannot use."""
