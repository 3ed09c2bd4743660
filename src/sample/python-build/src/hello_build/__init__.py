"""A greeting, so that the wheel holds real code."""

__version__ = "0.1.0"


def greet(name: str = "world") -> str:
    return f"Hello, {name}!"


def main() -> None:
    print(greet())
