"""Lists that page: one page held, the following pages fetched as iteration reaches them."""

from __future__ import annotations

from typing import Any, Callable, Generic, Iterator, TypeVar

T = TypeVar("T")


class PaginatedList(Generic[T]):
    """One page of a list answer (``items``, ``total``, ``offset``, ``limit``).

    ``for x in page`` walks every item from this page's offset to the end of the list, fetching
    the following pages with the same filters as it goes; ``page[i]`` and ``page.items`` are this
    page only; ``len(page)`` is the number of items on this page and ``page.total`` the number in
    the whole list.
    """

    def __init__(self, items: list[T], total: int, offset: int, limit: int,
                 fetch: Callable[[int, int], "PaginatedList[T]"] | None = None):
        self.items = list(items)
        self.total = total
        self.offset = offset
        self.limit = limit
        self._fetch = fetch

    @property
    def has_more(self) -> bool:
        """Whether items follow this page."""
        return self.offset + len(self.items) < self.total and bool(self.items)

    def next_page(self) -> "PaginatedList[T] | None":
        """The page after this one, or None at the end."""
        if not self.has_more or self._fetch is None:
            return None
        return self._fetch(self.offset + len(self.items), self.limit or len(self.items))

    def pages(self) -> Iterator["PaginatedList[T]"]:
        page: PaginatedList[T] | None = self
        while page is not None:
            yield page
            page = page.next_page()

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from page.items

    def all(self) -> list[T]:
        """Every item from this page on, fetching the following pages."""
        return list(self)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: int) -> T:
        return self.items[index]

    def __bool__(self) -> bool:
        return bool(self.items)

    def to_df(self, backend: str = "pandas"):
        """This page and the following ones as a DataFrame, one row per item (its JSON fields)."""
        rows = [item.to_dict() if hasattr(item, "to_dict") else item for item in self]
        if backend == "polars":
            import polars as pl

            return pl.DataFrame(rows)
        import pandas as pd

        return pd.DataFrame(rows)

    def __repr__(self) -> str:
        return f"PaginatedList(total={self.total}, offset={self.offset}, limit={self.limit}, items={self.items!r})"


def paginated(http: Any, path: str, params: dict[str, Any], parse: Callable[[dict], T]) -> PaginatedList[T]:
    """Fetches one page of ``path`` and wires the fetch of the following ones."""

    def fetch(offset: int, limit: int) -> PaginatedList[T]:
        response = http.get(path, params={**params, "offset": offset, "limit": limit})
        meta = response.get("meta") or {}
        items = [parse(x) for x in response.get("data") or []]
        return PaginatedList(items, int(meta.get("total", len(items))), int(meta.get("offset", offset)),
                             int(meta.get("limit", limit)), fetch)

    return fetch(int(params.pop("offset", 0) or 0), int(params.pop("limit", 50) or 50))
