"""Reports: daily, weekly, monthly, personnel and the dashboard, with their output."""
