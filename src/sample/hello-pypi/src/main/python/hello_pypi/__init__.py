"""A tiny package used to show pypi-maven-plugin publishing a wheel and an sdist."""

__version__ = "0.1.0"


def greet(name: str) -> str:
    return f"Hello, {name}!"
