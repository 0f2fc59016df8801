"""`python -m thanghanhdong` runs the `thd` command."""

from thanghanhdong.cli import entry

# The guard matters: on Windows, worker processes re-import the main module.
if __name__ == "__main__":
    entry()
