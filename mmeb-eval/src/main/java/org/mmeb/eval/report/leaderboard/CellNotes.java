package org.mmeb.eval.report.leaderboard;

import java.util.ArrayList;
import java.util.List;

/** The notes of a view numbered in reading order, so every format marks a cell the same way. */
final class CellNotes {
  record Numbered(int number, String model, String column, String text) {}

  private final List<Numbered> notes = new ArrayList<>();

  CellNotes(LeaderboardView view) {
    for (LeaderboardRow row : view.rows()) {
      for (String column : view.columns()) {
        String text = row.notes().get(column);
        if (text != null) {
          notes.add(new Numbered(notes.size() + 1, row.source().name(), column, text));
        }
      }
    }
  }

  List<Numbered> all() {
    return List.copyOf(notes);
  }

  /** The note's number for a row's cell, or 0 when the cell has none. */
  int numberOf(LeaderboardRow row, String column) {
    String text = row.notes().get(column);
    for (Numbered note : notes) {
      if (note.text().equals(text)
          && note.column().equals(column)
          && note.model().equals(row.source().name())) {
        return note.number();
      }
    }
    return 0;
  }
}
