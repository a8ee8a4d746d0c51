/// How `optiscope compare` prints its ranking.
enum CompareFormat: String, CaseIterable {
  /// Aligned columns for people, with a line saying what "reached" meant.
  case table
  /// `rank,optimizer,spec,reached_step,final_f,x,y,distance,steps,status`, numbers in full.
  case csv
}
