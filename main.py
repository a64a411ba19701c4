"""Start the FrontDesk window."""

from frontdesk.app import main

raise SystemExit(main())
